import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { inUserLanguage } from "@/i18n/api-errors";
import { parseInvite } from "@/lib/auth/invite-input";
import type { Failure } from "@/lib/core/failure";
import { failed } from "@/lib/http/errors";
import { formatIcu } from "./format-icu";
import { MESSAGES } from "./messages";
import { zodProblem } from "./zod-problem";

// Issue 16 §6: zod's own problems on a body field are answered as whole sentences naming the
// field ("apiErrors" field*), and the invite form's messages carry their keys. Each English
// answer equals its ref formatted by next-intl (and by formatIcu, which wrote it); a German
// admin reads the German sentence, the field's JSON name quoted „…“.

const en = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "apiErrors" });
const viaNextIntl = (f: Failure) =>
  f.ref && en(f.ref.key as Parameters<typeof en>[0], f.ref.params);
const viaFormatIcu = (f: Failure) =>
  f.ref &&
  formatIcu(MESSAGES.en.apiErrors[f.ref.key as keyof typeof MESSAGES.en.apiErrors], f.ref.params);

const german = async (f: Failure, userLocale: string | null = "de") => {
  const res = inUserLanguage(failed(f), new Request("http://localhost/api/x"), userLocale);
  return [res.status, ((await res.json()) as { error: string }).error];
};

const Body = z.object({
  label: z.string().trim().min(2).max(100),
  tags: z.array(z.string()).min(1).max(3),
  port: z.coerce.number().int().min(1).max(65535),
  share: z.number().positive().lt(1000),
  security: z.enum(["tls", "starttls", "none"]),
  enabled: z.boolean(),
  email: z.email(),
  site: z.url(),
  code: z.string().regex(/^[a-z]+$/),
  nested: z.object({ name: z.string() }),
  even: z.number().multipleOf(2),
});
const good = {
  label: "Reports",
  tags: ["a"],
  port: 993,
  share: 1,
  security: "tls",
  enabled: true,
  email: "a@example.com",
  site: "https://example.com",
  code: "abc",
  nested: { name: "x" },
  even: 2,
};
/** The first problem of `good` changed by `over`, as zodProblem words it. */
const problem = (over: Record<string, unknown>): Failure => {
  const input = { ...good, ...over };
  const r = Body.safeParse(input);
  if (r.success) throw new Error(`accepted ${JSON.stringify(over)}`);
  return zodProblem(r.error.issues[0]!, input);
};

describe("zod's own problems, as whole sentences naming the field", () => {
  const cases: [Record<string, unknown>, string, string][] = [
    [
      { label: "x".repeat(101) },
      '"label" must be at most 100 characters long.',
      "„label“ darf höchstens 100 Zeichen lang sein.",
    ],
    [
      { label: "x" },
      '"label" must be at least 2 characters long.',
      "„label“ muss mindestens 2 Zeichen lang sein.",
    ],
    [{ label: 7 }, '"label" must be text.', "„label“ muss ein Text sein."],
    [{ label: undefined }, '"label" is missing.', "„label“ fehlt."],
    [
      { tags: ["a", "b", "c", "d"] },
      '"tags" may hold at most 3 items.',
      "„tags“ darf höchstens 3 Einträge enthalten.",
    ],
    [
      { tags: [] },
      '"tags" must hold at least 1 item.',
      "„tags“ muss mindestens 1 Eintrag enthalten.",
    ],
    [{ tags: "a" }, '"tags" must be a list.', "„tags“ muss eine Liste sein."],
    [{ port: "x" }, '"port" must be a number.', "„port“ muss eine Zahl sein."],
    [{ port: 1.5 }, '"port" must be a whole number.', "„port“ muss eine ganze Zahl sein."],
    [{ port: 70000 }, '"port" must be at most 65,535.', "„port“ darf höchstens 65.535 sein."],
    [{ port: 0 }, '"port" must be at least 1.', "„port“ muss mindestens 1 sein."],
    [{ share: 0 }, '"share" must be more than 0.', "„share“ muss größer als 0 sein."],
    [{ share: 1000 }, '"share" must be less than 1,000.', "„share“ muss kleiner als 1.000 sein."],
    [
      { security: "ssl" },
      '"security" must be one of tls, starttls, none.',
      "„security“ muss einer dieser Werte sein: tls, starttls, none.",
    ],
    [
      { enabled: "yes" },
      '"enabled" must be true or false.',
      "„enabled“ muss true oder false sein.",
    ],
    [
      { email: "nope" },
      '"email" must be an e-mail address.',
      "„email“ muss eine E-Mail-Adresse sein.",
    ],
    [{ site: "nope" }, '"site" must be a URL.', "„site“ muss eine URL sein."],
    [
      { code: "ABC" },
      '"code" is not in the expected format.',
      "„code“ hat nicht das erwartete Format.",
    ],
    [{ nested: { name: 1 } }, '"nested.name" must be text.', "„nested.name“ muss ein Text sein."],
    [{ nested: [] }, '"nested" must be an object.', "„nested“ muss ein Objekt sein."],
    [{ even: 3 }, '"even" is not valid.', "„even“ ist ungültig."],
  ];

  it.each(cases)(
    "%j: exact English, equal to its ref, and German",
    async (over, english, deutsch) => {
      const f = problem(over);
      expect([f.kind, f.message]).toEqual(["invalid", english]);
      expect(viaNextIntl(f)).toBe(english);
      expect(viaFormatIcu(f)).toBe(english);
      expect(await german(f)).toEqual([400, deutsch]);
    },
  );

  it("a request without a language keeps the English", async () => {
    expect(await german(problem({ label: 7 }), null)).toEqual([400, '"label" must be text.']);
  });
});

describe("the invite form (POST /api/users)", () => {
  const ok = { name: "Ada", email: "ada@example.com", role: "viewer", password: "correct horse" };
  const refused = (body: unknown): Failure => {
    const r = parseInvite(body);
    if (r.ok) throw new Error(`accepted ${JSON.stringify(body)}`);
    return r.error;
  };
  const cases: [unknown, string, string][] = [
    [
      null,
      'Send JSON like {"email", "name", "role": "admin"|"viewer", "password"}.',
      'Senden Sie JSON wie {"email", "name", "role": "admin"|"viewer", "password"}.',
    ],
    [{ ...ok, name: " " }, "Enter the person's name.", "Geben Sie den Namen der Person ein."],
    [
      { ...ok, email: "ada" },
      "Enter a valid email address.",
      "Geben Sie eine gültige E-Mail-Adresse ein.",
    ],
    [
      { ...ok, role: "owner" },
      "Choose the role: admin or viewer.",
      "Wählen Sie die Rolle: admin oder viewer.",
    ],
    [
      { ...ok, password: undefined },
      "Enter a first password.",
      "Geben Sie ein erstes Passwort ein.",
    ],
    [
      { ...ok, name: "x".repeat(101) },
      '"name" must be at most 100 characters long.',
      "„name“ darf höchstens 100 Zeichen lang sein.",
    ],
  ];

  it.each(cases)(
    "%j: exact English, equal to its ref, and German",
    async (body, english, deutsch) => {
      const f = refused(body);
      expect([f.kind, f.message]).toEqual(["invalid", english]);
      expect(viaNextIntl(f)).toBe(english);
      expect(await german(f)).toEqual([400, deutsch]);
    },
  );

  it("takes a good invite, the name trimmed", () => {
    expect(parseInvite({ ...ok, name: " Ada " })).toEqual({ ok: true, value: ok });
  });
});
