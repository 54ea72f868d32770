import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import type { Locale } from "@/lib/i18n/locale";
import type { MessageRef } from "@/lib/i18n/message-ref";
import { MESSAGES } from "@/lib/i18n/messages";
import { authLabel, authLabelRef, quarantineReason, quarantineReasonRef } from "./report-auth";

// RPT-DELIV-7, issue 16 §6: the authentication badge and the quarantine reasons in the
// reader's language; English renders exactly the English texts lib keeps for logs and the API.
const say = (locale: Locale, ref: MessageRef) => {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "reports" });
  return t(ref.key as Parameters<typeof t>[0], ref.params);
};

const CASES = [
  { channel: "imap", auth: "pass", authDomain: "google.com" },
  { channel: "imap", auth: "pass", authDomain: null },
  { channel: "imap", auth: "unaligned", authDomain: "attacker.example" },
  { channel: "imap", auth: "unaligned", authDomain: null },
  { channel: "imap", auth: "fail", authDomain: "google.com" },
  { channel: "imap", auth: "fail", authDomain: null },
  { channel: "imap", auth: "none", authDomain: null },
  { channel: "https", auth: "unauthenticated", authDomain: null },
  { channel: "imap", auth: "unauthenticated", authDomain: null },
  { channel: "cli", auth: "unauthenticated", authDomain: null },
  { channel: "upload", auth: "unauthenticated", authDomain: null },
];

describe("RPT-DELIV-7 authentication texts as MessageRefs", () => {
  it("English renders exactly authLabel and the quarantine lines", () => {
    for (const c of CASES) {
      expect(say("en", authLabelRef(c))).toBe(authLabel(c));
      for (const n of [1, 14])
        expect(say("en", quarantineReasonRef(c, n))).toBe(
          `${quarantineReason(c)}: ${n} report${n === 1 ? "" : "s"}`,
        );
    }
  });

  it("German keeps d= as text and counts the reports", () => {
    expect(say("de", authLabelRef(CASES[2]!))).toBe(
      "DKIM gültig attacker.example, nicht passend zum Absender",
    );
    expect(say("de", quarantineReasonRef(CASES[6]!, 1414))).toBe(
      "nicht signiert (keine DKIM-Signatur): 1.414 Berichte",
    );
    expect(say("de", quarantineReasonRef(CASES[4]!, 1))).toBe(
      "DKIM ungültig (d=google.com): 1 Bericht",
    );
  });
});
