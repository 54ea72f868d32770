import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { inUserLanguage } from "@/i18n/api-errors";
import { WRONG_SETUP_CODE, tooManySetupCodes, tooManySetupCodesRef } from "@/lib/auth/first-run";
import { passwordRule } from "@/lib/auth/password";
import type { MessageRef } from "@/lib/i18n/message-ref";
import { MESSAGES } from "@/lib/i18n/messages";
import { fail } from "./errors";
import { crossSiteRefusal, mutationRefusal } from "./same-origin";

// Issue 16 §6, the API errors keyed after the first round (api-errors-language.test.ts):
// each English sentence a route answers equals its "apiErrors" message formatted in English,
// and a German browser gets the German sentence.

const en = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "apiErrors" });
const english = (ref: MessageRef) => en(ref.key as Parameters<typeof en>[0], ref.params);

/** The English of each ref, beside the sentence the code wrote: equal pairs pass. */
const mismatches = (pairs: [string, MessageRef | undefined][]) =>
  pairs.filter(([text, ref]) => !ref || english(ref) !== text).map(([text]) => text);

const german = async (message: string, ref: MessageRef | undefined) => {
  const req = new Request("http://localhost/api/x", { headers: { "accept-language": "de" } });
  const res = inUserLanguage(fail("invalid", message, ref), req, null);
  return ((await res.json()) as { error: string }).error;
};

const post = (headers: Record<string, string>) =>
  new Request("http://sts.example/api/x", { method: "POST", headers });

describe("cross-site refusals", () => {
  const refusals = [
    crossSiteRefusal(new Headers({ host: "sts.example", origin: "https://evil.example" })),
    crossSiteRefusal(new Headers({ host: "sts.example" })),
    mutationRefusal(post({ host: "sts.example", origin: "https://sts.example" })),
    mutationRefusal(
      post({ host: "sts.example", origin: "https://sts.example", "content-type": "text/plain" }),
    ),
  ];

  it("each refusal's ref formats to its English", () => {
    expect(refusals.map((r) => r?.ref.key)).toEqual([
      "crossSiteOrigin",
      "crossSiteNoOrigin",
      "bodyNoContentType",
      "bodyNotJson",
    ]);
    expect(
      mismatches(refusals.map((r): [string, MessageRef | undefined] => [r!.error, r!.ref])),
    ).toEqual([]);
  });

  it("in German, with the origin as it came", async () => {
    const r = refusals[0]!;
    expect(await german(r.error, r.ref)).toBe(
      "Abgelehnt: Diese Anfrage kam von einer anderen Website (Origin https://evil.example).",
    );
  });
});

describe("password rules and first run", () => {
  const short = passwordRule("short");
  const long = passwordRule("x".repeat(73));

  it("each ref formats to its English", () => {
    expect(passwordRule("x".repeat(72))).toBeNull();
    expect(
      mismatches([
        [short!.message, short!.ref],
        [long!.message, long!.ref],
        [WRONG_SETUP_CODE, { key: "wrongSetupCode" }],
        [tooManySetupCodes(1), tooManySetupCodesRef(1)],
        [tooManySetupCodes(59), tooManySetupCodesRef(59)],
        [tooManySetupCodes(61), tooManySetupCodesRef(61)],
        [tooManySetupCodes(900), tooManySetupCodesRef(900)],
        ["The first admin already exists. Sign in instead.", { key: "firstRunOver" }],
      ]),
    ).toEqual([]);
  });

  it("in German", async () => {
    expect(await german(short!.message, short!.ref)).toBe(
      "Das Passwort muss mindestens 10 Zeichen lang sein.",
    );
    expect(await german(tooManySetupCodes(900), tooManySetupCodesRef(900))).toBe(
      "Zu viele falsche Einrichtungscodes. Versuchen Sie es in 15 Minuten erneut.",
    );
  });
});
