// CHK-RPT-8 [OURS, issue 15 item 5]: Microsoft delivers TLS reports only to the first rua
// address, so this installation's address must come first or Microsoft's reports (one of
// the large reporters READY-4 asks for) never arrive here.
import type { RuaDestination } from "../tlsrpt/rua-uri";
import { result } from "./result";
import type { CheckResult } from "./types";

const key = (uri: string): string => {
  const u = uri.trim();
  if (/^mailto:/i.test(u)) return `mailto:${u.slice(7).split("?")[0]?.toLowerCase() ?? ""}`;
  return u.replace(/\/+$/, "").toLowerCase();
};

export function firstRuaResult(
  own: readonly string[],
  rua: readonly RuaDestination[],
  evidence: string,
): CheckResult | null {
  if (own.length === 0 || rua.length === 0) return null;
  const ours = new Set(own.map(key));
  const first = rua[0];
  const list = rua.map((d) => d.uri).join(", ");
  if (first && ours.has(key(first.uri)))
    return result(
      "CHK-RPT-8",
      "ok",
      "This installation's report address is the first rua",
      `rua: ${list}`,
    );
  const mine = rua.filter((d) => ours.has(key(d.uri)));
  const fix = `Put ${own[0]} first in rua: Microsoft sends reports only to the first rua address.`;
  if (mine.length === 0)
    return result(
      "CHK-RPT-8",
      "warning",
      "This installation's report address is not in rua",
      `${evidence}; this installation receives at ${own.join(", ")}`,
      `${fix} Without it, no report reaches this dashboard.`,
    );
  const at = rua.findIndex((d) => ours.has(key(d.uri))) + 1;
  return result(
    "CHK-RPT-8",
    "warning",
    "This installation's report address is not the first rua",
    `rua: ${list}; ${mine[0]?.uri} is number ${at}, Microsoft sends only to ${first?.uri}`,
    fix,
  );
}
