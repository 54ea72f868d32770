import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { inUserLanguage } from "@/i18n/api-errors";
import {
  checkAlertSettings,
  parseRecipients,
  webhookUrlProblem,
  type AlertSettingsInput,
} from "@/lib/alerts/settings-rules";
import { WRONG_SETUP_CODE, tooManySetupCodes, tooManySetupCodesRef } from "@/lib/auth/first-run";
import { passwordRule } from "@/lib/auth/password";
import type { Failure } from "@/lib/core/failure";
import { NO_CHANNEL } from "@/lib/db/alerts/send-test-alert";
import { parseDkimSelectors } from "@/lib/db/checks/dkim-selectors";
import type { MessageRef } from "@/lib/i18n/message-ref";
import { MESSAGES } from "@/lib/i18n/messages";
import { accountProblem } from "@/lib/mailbox/account-rules";
import { parseMailboxInput } from "@/lib/mailbox/mailbox-input";
import { MAILBOX_BUSY, deadlineProblem, describeImapError } from "@/lib/mailbox/poll";
import { fail } from "./errors";
import {
  ACCEPT_REPORTER_BODY,
  FAILURES_QUERY,
  HOSTING_CHOICE,
  UNKNOWN_LANGUAGE,
} from "./route-refusals";
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
        ['Send JSON like {"password": "…"}.', { key: "passwordBody" }],
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

describe("mailbox routes", () => {
  const good = {
    label: "Reports",
    host: "imap.example.com",
    port: 993,
    security: "tls" as const,
    username: "tlsrpt",
    password: "secret",
    folder: "INBOX",
    processedFolder: "Done",
    rejectedFolder: "Rejected",
    pollMinutes: 15,
    enabled: true,
  };
  const inputs: unknown[] = [
    null,
    { ...good, label: " " },
    { ...good, host: "" },
    { ...good, host: "imap example" },
    { ...good, port: 0 },
    { ...good, port: 70000 },
    { ...good, username: "" },
    { ...good, folder: "" },
    { ...good, processedFolder: "" },
    { ...good, rejectedFolder: "" },
    { ...good, pollMinutes: 0 },
  ];
  const parsed = inputs.map((body) => parseMailboxInput(body));
  const rules = [
    accountProblem({ ...good, security: "none" }, null, { allowPlainImap: false }),
    accountProblem({ ...good, password: "" }, null, { allowPlainImap: false }),
    accountProblem({ ...good, password: "" }, { ...good, port: 143 }, { allowPlainImap: false }),
    accountProblem({ ...good, rejectedFolder: "inbox" }, null, { allowPlainImap: false }),
  ];
  const at = { host: "imap.example.com", port: 993 };
  const imap = [
    { authenticationFailed: true },
    { code: "ECONNREFUSED" },
    { code: "ENOTFOUND" },
    { code: "ETIMEDOUT" },
    { code: "ECONNRESET" },
    { code: "SELF_SIGNED_CERT_IN_CHAIN" },
    { code: "ERR_SSL_WRONG_VERSION_NUMBER" },
    { responseText: "NO [UNAVAILABLE] try later" },
    {},
  ].map((e) => describeImapError(e, at));

  it("every field problem, account rule and poll failure formats to its English", () => {
    expect(parsed.map((p) => !p.ok && p.ref?.key)).toEqual([
      "mailboxBody",
      "mailboxLabel",
      "mailboxHost",
      "mailboxHostChars",
      "mailboxPort",
      "mailboxPort",
      "mailboxUsername",
      "mailboxFolder",
      "mailboxProcessedFolder",
      "mailboxRejectedFolder",
      "mailboxPollMinutes",
    ]);
    const pairs: [string, MessageRef | undefined][] = [
      ...parsed.map((p): [string, MessageRef | undefined] =>
        p.ok ? ["", undefined] : [p.error, p.ref],
      ),
      ...rules.map((r): [string, MessageRef | undefined] => [r?.message ?? "", r?.ref]),
      ...imap.map((p): [string, MessageRef] => [p.message, p.ref]),
      ...[deadlineProblem(1000), deadlineProblem(15 * 60_000)].map((p): [string, MessageRef] => [
        p.message,
        p.ref,
      ]),
      [MAILBOX_BUSY, { key: "mailboxBusy" }],
      ["That mailbox was removed meanwhile.", { key: "mailboxRemovedMeanwhile" }],
      ["that mailbox account no longer exists", { key: "mailboxNoLongerExists" }],
    ];
    expect(pairs).toHaveLength(11 + 4 + 9 + 2 + 3);
    expect(mismatches(pairs)).toEqual([]);
  });

  it("zod's own problems (a label past 100 characters) name the field, in both languages", async () => {
    const long = parseMailboxInput({ ...good, label: "x".repeat(101) });
    expect(long.ok ? null : [long.error, long.ref]).toEqual([
      '"label" must be at most 100 characters long.',
      { key: "fieldTooLong", params: { field: "label", max: 100 } },
    ]);
    expect(mismatches([[long.ok ? "" : long.error, long.ok ? undefined : long.ref]])).toEqual([]);
    const plain = parseMailboxInput({ ...good, security: "ssl" });
    expect(plain.ok ? null : plain.error).toBe('"security" must be one of tls, starttls, none.');
    expect(await german(plain.ok ? "" : plain.error, plain.ok ? undefined : plain.ref)).toBe(
      "„security“ muss einer dieser Werte sein: tls, starttls, none.",
    );
  });

  it("in German, with the server's reply untranslated", async () => {
    const folders = rules[3]!;
    expect(await german(folders.message, folders.ref)).toBe(
      "Der Ordner, in dem Berichte ankommen, der Ordner für verarbeitete und der für abgelehnte Nachrichten müssen drei verschiedene Ordner sein.",
    );
    expect(await german(imap[7]!.message, imap[7]!.ref)).toBe(
      "der IMAP-Server antwortete: NO [UNAVAILABLE] try later",
    );
    expect(await german(imap[1]!.message, imap[1]!.ref)).toBe(
      "keine Verbindung zu imap.example.com:993: Verbindung abgelehnt",
    );
  });
});

describe("alert settings and the test alert", () => {
  const off: AlertSettingsInput = {
    emailEnabled: false,
    emailRecipients: [],
    webhookEnabled: false,
    webhookUrl: "",
    webhookFormat: "standard",
    disabledKinds: [],
  };
  const refusal = (r: { ok: true } | { ok: false; error: Failure }) => (r.ok ? null : r.error);
  const failures = [
    refusal(parseRecipients("ops@example")),
    refusal(parseRecipients(Array.from({ length: 21 }, (_, i) => `o${i}@example.org`).join(","))),
    webhookUrlProblem("hooks.example.com"),
    webhookUrlProblem("ftp://example.org/x"),
    webhookUrlProblem(`https://example.org/${"x".repeat(2000)}`),
    refusal(checkAlertSettings({ ...off, emailEnabled: true })),
    refusal(checkAlertSettings({ ...off, webhookEnabled: true })),
    refusal(checkAlertSettings({ ...off, webhookFormat: "xml" as "standard" })),
    refusal(checkAlertSettings({ ...off, disabledKinds: ["NOPE" as "TEST"] })),
    refusal(checkAlertSettings({ ...off, locale: "fr" as "en" })),
  ];

  it("each refusal formats to its English", () => {
    expect(failures.map((f) => f?.ref?.key)).toEqual([
      "notAnAddress",
      "tooManyRecipients",
      "notAUrl",
      "webhookScheme",
      "webhookTooLong",
      "noRecipient",
      "webhookNoUrl",
      "unknownWebhookFormat",
      "unknownAlertKind",
      "unknownAlertLanguage",
    ]);
    expect(
      mismatches([
        ...failures.map((f): [string, MessageRef | undefined] => [f?.message ?? "", f?.ref]),
        [NO_CHANNEL, { key: "noAlertChannel" }],
        [
          "Send JSON with emailEnabled, emailRecipients, webhookEnabled, webhookUrl, webhookFormat (standard, slack or teams), disabledKinds and optionally locale (en or de).",
          { key: "alertsBody" },
        ],
      ]),
    ).toEqual([]);
  });

  it("in German, with the address as typed", async () => {
    const bad = failures[0]!;
    expect(await german(bad.message, bad.ref)).toBe('"ops@example" ist keine E-Mail-Adresse.');
    expect(await german(NO_CHANNEL, { key: "noAlertChannel" })).toBe(
      "Schalten Sie E-Mail oder einen Webhook ein und speichern Sie, bevor Sie einen Testalarm senden.",
    );
  });
});

describe("DKIM selectors, jobs and domain names", () => {
  const selectors = [
    parseDkimSelectors("s1 bad/sel"),
    parseDkimSelectors(Array.from({ length: 21 }, (_, i) => `s${i}`).join(" ")),
  ].map((r) => (r.ok ? null : r.error));
  const jobs = "recheck-domains, poll-mailboxes";

  it("each refusal formats to its English", () => {
    expect(selectors.map((f) => f?.ref?.key)).toEqual(["notADkimSelector", "tooManySelectors"]);
    expect(
      mismatches([
        ...selectors.map((f): [string, MessageRef | undefined] => [f?.message ?? "", f?.ref]),
        ['Send JSON like {"selectors": "s1, google"}.', { key: "selectorsBody" }],
        [
          `There is no job by that name; the jobs are ${jobs}.`,
          { key: "noSuchJob", params: { jobs } },
        ],
        ['There is no job named "x".', { key: "noJobNamed", params: { name: "x" } }],
        ["That run could not be started; try again.", { key: "runNotStarted" }],
        ['"x" is not a valid domain name.', { key: "invalidDomainName", params: { typed: "x" } }],
      ]),
    ).toEqual([]);
  });

  it("in German, with the selector as typed", async () => {
    const bad = selectors[0]!;
    expect(await german(bad.message, bad.ref)).toBe(
      '"bad/sel" ist kein DKIM-Selektor: Verwenden Sie Buchstaben, Ziffern, Bindestriche, Unterstriche und Punkte, wie in "s1" oder "google".',
    );
  });
});

describe("route refusals: accepting a reporter, the account language, hosting, the failures query", () => {
  const refusals = [ACCEPT_REPORTER_BODY, UNKNOWN_LANGUAGE, HOSTING_CHOICE, FAILURES_QUERY];
  // acceptReporter's refusals, as lib/mailbox/poll-dkim.test.ts gets them from the database.
  const accept: [string, MessageRef][] = [
    [
      'No report from "nobody.example" is stored.',
      { key: "noReportFromReporter", params: { reporter: "nobody.example" } },
    ],
    [
      '"google.com" was already accepted.',
      { key: "reporterAlreadyAccepted", params: { reporter: "google.com" } },
    ],
  ];

  it("each ref formats to the English the route answers", () => {
    expect(
      mismatches([...refusals.map((r): [string, MessageRef] => [r.message, r.ref]), ...accept]),
    ).toEqual([]);
  });

  it("a German browser reads them in German", async () => {
    expect(await german(UNKNOWN_LANGUAGE.message, UNKNOWN_LANGUAGE.ref)).toBe(
      "Unbekannte Sprache: Verwenden Sie eine von en, de.",
    );
    expect(await german(HOSTING_CHOICE.message, HOSTING_CHOICE.ref)).toBe(
      "Wählen Sie „hosted“ oder „self“.",
    );
    const [text, ref] = accept[1]!;
    expect(await german(text, ref)).toBe("„google.com“ wurde bereits akzeptiert.");
  });
});
