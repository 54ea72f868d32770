import { describe, expect, it } from "vitest";
import { formatIcu } from "../i18n/format-icu";
import { MESSAGES } from "../i18n/messages";
import {
  NO_SIGNING_SECRET,
  NO_SMTP,
  NOT_ATTEMPTED,
  outcomeRef,
  signingSecretOutcome,
  unknownKindOutcome,
} from "./outcomes";

// Issue 16 §6: the delivery outcomes that are our words are shown in the reader's language
// on the alerts page; the receiver's and the library's words stay as they came.

const OURS = [
  NO_SMTP,
  NO_SIGNING_SECRET,
  NOT_ATTEMPTED,
  unknownKindOutcome("cert-expiring"),
  signingSecretOutcome("the sealed value is damaged"),
];

const render = (locale: "en" | "de", outcome: string): string | null => {
  const ref = outcomeRef(outcome);
  if (!ref) return null;
  const key = ref.key.replace(/^outcomes\./, "") as keyof typeof MESSAGES.en.alerts.outcomes;
  return formatIcu(MESSAGES[locale].alerts.outcomes[key], ref.params, locale);
};

describe("alert delivery outcomes in the reader's language", () => {
  it("each of ours has a message whose English is the stored outcome; every message is used", () => {
    expect(OURS.map((o) => render("en", o))).toEqual(OURS);
    const used = new Set(OURS.map((o) => outcomeRef(o)?.key));
    expect(
      Object.keys(MESSAGES.en.alerts.outcomes).filter((k) => !used.has(`outcomes.${k}`)),
    ).toEqual([]);
  });

  it("German, with the raw parts as they are", () => {
    expect(OURS.map((o) => render("de", o))).toEqual([
      "E-Mail ist in dieser Installation nicht eingerichtet: Setzen Sie STS_SMTP_URL oder STS_SMTP_HOST und STS_SMTP_FROM.",
      "kein Signaturschlüssel: Erzeugen Sie einen auf der Seite „Alarme“",
      "nicht versucht",
      "unbekannte Alarmart „cert-expiring“",
      "Signaturschlüssel: the sealed value is damaged",
    ]);
  });

  it("the receiver's and the library's words are not ours: shown as they came", () => {
    for (const raw of ["HTTP 500", "250 2.0.0 OK queued", "connect ECONNREFUSED 127.0.0.1:25"]) {
      expect(outcomeRef(raw)).toBeNull();
    }
  });
});
