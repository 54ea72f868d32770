import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { readAny } from "@/lib/tlsrpt/read-any";
import { reportFixtures } from "@/lib/tlsrpt/report-fixtures.test-utils";
import { conflictWarning } from "./conflict";

// Issue 16 §6: the store's RPT-ING-5 warning is keyed like the reader's (tlsrptReader).
describe("conflictWarning", () => {
  it("RPT-ING-5: the ref formats to the stored English, and German exists", async () => {
    const r = await readAny(reportFixtures((n) => n === "clean-sts-enforce.json")[0]!.bytes);
    const rep = r.ok ? r.value.reports[0] : undefined;
    const w = rep && conflictWarning(rep);
    const t = (locale: "en" | "de") =>
      createTranslator({ locale, messages: MESSAGES[locale], namespace: "tlsrptReader" });
    const key = w?.ref?.key as "warnings.conflict";
    expect(w?.ref && t("en")(key, w.ref.params)).toBe(w?.message);
    expect(w?.ref && t("de")(key, w.ref.params)).toMatch(
      /^report-id „.+“ von .+ kam erneut mit anderem Inhalt an; beide Kopien behalten$/,
    );
  });
});
