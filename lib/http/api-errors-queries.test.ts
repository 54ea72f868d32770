import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { inUserLanguage } from "@/i18n/api-errors";
import type { Failure } from "@/lib/core/failure";
import { MESSAGES } from "@/lib/i18n/messages";
import { resolveRange } from "@/lib/stats/resolve-range";
import { parseTimelineQuery } from "@/lib/timeline/query";
import { failed } from "./errors";

// Issue 16 §6: the stats API's range refusals and the timeline query's refusals carry their
// "apiErrors" message. The English an API script gets stays the sentence it always got, the
// ref formats to exactly that English, and a German admin reads the German sentence.

const en = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "apiErrors" });
const english = (f: Failure) => f.ref && en(f.ref.key as Parameters<typeof en>[0], f.ref.params);

const german = async (f: Failure) => {
  const req = new Request("http://localhost/api/x", { headers: { "accept-language": "de-DE" } });
  const res = inUserLanguage(failed(f), req, null);
  return [res.status, ((await res.json()) as { error: string }).error];
};

const now = new Date("2026-11-30T12:00:00Z");
const range = (q: Record<string, string>) => {
  const r = resolveRange(q, now);
  if (r.ok) throw new Error(`accepted ${JSON.stringify(q)}`);
  return r.error;
};
const timeline = (q: string) => {
  const r = parseTimelineQuery(new URLSearchParams(q));
  if (r.ok) throw new Error(`accepted ${q}`);
  return r.error;
};

describe("stats range refusals", () => {
  const refusals = [
    range({ from: "2026-11-01" }),
    range({ from: "2026-11-31", to: "2026-12-01" }),
    range({ from: "2026-11-20", to: "2026-11-10" }),
    range({ from: "2025-01-01", to: "2026-11-01" }),
    range({ days: "0" }),
    range({ days: "7.5" }),
    range({ days: "401" }),
  ];

  it("answer the English they always did, and the ref formats to it", () => {
    expect(refusals.map((f) => [f.kind, f.message])).toEqual([
      ["invalid", "Give both from and to as dates (YYYY-MM-DD)."],
      ["invalid", "Give both from and to as dates (YYYY-MM-DD)."],
      ["invalid", "The range starts after it ends: swap from and to."],
      ["invalid", "Choose at most 400 days."],
      ["invalid", "days must be a whole number from 1 to 400."],
      ["invalid", "days must be a whole number from 1 to 400."],
      ["invalid", "days must be a whole number from 1 to 400."],
    ]);
    expect(refusals.map(english)).toEqual(refusals.map((f) => f.message));
  });

  it("in German", async () => {
    expect(await german(refusals[0]!)).toEqual([
      400,
      "Geben Sie from und to beide als Datum an (JJJJ-MM-TT).",
    ]);
    expect(await german(refusals[2]!)).toEqual([
      400,
      "Der Zeitraum beginnt nach seinem Ende: Tauschen Sie from und to.",
    ]);
    expect(await german(refusals[3]!)).toEqual([400, "Wählen Sie höchstens 400 Tage."]);
    expect(await german(refusals[4]!)).toEqual([
      400,
      "days muss eine ganze Zahl von 1 bis 400 sein.",
    ]);
  });

  it("a good range passes", () => {
    expect(resolveRange({ days: "7" }, now)).toEqual({
      ok: true,
      value: { from: "2026-11-23", to: "2026-11-29" },
    });
    expect(resolveRange({ from: "2026-01-01", to: "2026-01-31" }, now).ok).toBe(true);
  });
});

describe("timeline query refusals", () => {
  it("name the first problem, the cursor's ahead of the limit's", () => {
    const refusals = ["before=yesterday", "limit=0", "limit=201", "limit=ten", "limit=1.5"]
      .concat(["before=yesterday&limit=0"])
      .map(timeline);
    expect(refusals.map((f) => [f.kind, f.message])).toEqual([
      ["invalid", "before is not a timeline cursor"],
      ...Array.from({ length: 4 }, () => [
        "invalid",
        "limit must be a whole number from 1 to 200.",
      ]),
      ["invalid", "before is not a timeline cursor"],
    ]);
    expect(refusals.map(english)).toEqual(refusals.map((f) => f.message));
  });

  it("in German", async () => {
    expect(await german(timeline("before=yesterday"))).toEqual([
      400,
      "before ist kein Cursor des Verlaufs",
    ]);
    expect(await german(timeline("limit=500"))).toEqual([
      400,
      "limit muss eine ganze Zahl von 1 bis 200 sein.",
    ]);
  });

  it("a good query passes", () => {
    expect(parseTimelineQuery(new URLSearchParams(""))).toEqual({
      ok: true,
      value: { before: null, limit: 50 },
    });
    expect(
      parseTimelineQuery(new URLSearchParams("before=2026-11-30T10:00:00.000Z|check:1&limit=2")),
    ).toEqual({
      ok: true,
      value: { before: { at: "2026-11-30T10:00:00.000Z", key: "check:1" }, limit: 2 },
    });
  });
});
