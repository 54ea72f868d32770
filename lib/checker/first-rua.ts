// CHK-RPT-8 [OURS, issue 15 item 5]: Microsoft delivers TLS reports only to the first rua
// address, so this installation's address must come first or Microsoft's reports (one of
// the large reporters READY-4 asks for) never arrive here.
import type { RuaDestination } from "../tlsrpt/rua-uri";
import { result, type ResultText } from "./result";
import { ct } from "./text";
import type { CheckResult } from "./types";

const key = (uri: string): string => {
  const u = uri.trim();
  if (/^mailto:/i.test(u)) return `mailto:${u.slice(7).split("?")[0]?.toLowerCase() ?? ""}`;
  return u.replace(/\/+$/, "").toLowerCase();
};

export function firstRuaResult(
  own: readonly string[],
  rua: readonly RuaDestination[],
  evidence: ResultText,
): CheckResult | null {
  if (own.length === 0 || rua.length === 0) return null;
  const ours = new Set(own.map(key));
  const first = rua[0];
  const list = rua.map((d) => d.uri).join(", ");
  if (first && ours.has(key(first.uri)))
    return result("CHK-RPT-8", "ok", ct("rpt.firstOk"), `rua: ${list}`);
  const mine = rua.filter((d) => ours.has(key(d.uri)));
  const own0 = own[0] ?? "";
  if (mine.length === 0)
    return result(
      "CHK-RPT-8",
      "warning",
      ct("rpt.notInRua"),
      ct("rpt.notInRuaEvidence", {
        evidence: typeof evidence === "string" ? evidence : evidence.text,
        own: own.join(", "),
      }),
      ct("rpt.notInRuaFix", { own: own0 }),
    );
  const at = rua.findIndex((d) => ours.has(key(d.uri))) + 1;
  return result(
    "CHK-RPT-8",
    "warning",
    ct("rpt.notFirst"),
    ct("rpt.notFirstEvidence", {
      list,
      mine: mine[0]?.uri ?? "",
      at: String(at),
      first: first?.uri ?? "",
    }),
    ct("rpt.notFirstFix", { own: own0 }),
  );
}
