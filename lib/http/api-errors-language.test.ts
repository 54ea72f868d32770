import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { inUserLanguage } from "@/i18n/api-errors";
import { ALREADY_RUNNING } from "@/lib/check-runs/run-domain-check";
import type { Failure } from "@/lib/core/failure";
import { MESSAGES } from "@/lib/i18n/messages";
import { MAX_AGE_LIMIT } from "@/lib/mta-sts/policy-types";
import { actionRefusalFailure } from "@/lib/readiness/mode-change";
import { fail, failed } from "./errors";
import { NO_SUCH_DOMAIN } from "./with-domain";

// Issue 16 §6: route handlers answer {"error": English} and name its "apiErrors" message;
// withUser passes the answer through inUserLanguage, which answers in the user's setting,
// else the Accept-Language header, else English (scripts keep the English they always got).

const req = (acceptLanguage?: string) =>
  new Request("http://localhost/api/x", {
    headers: acceptLanguage ? { "accept-language": acceptLanguage } : {},
  });
const notFound = () => fail("not-found", NO_SUCH_DOMAIN, { key: "noSuchDomain" });
const answer = async (res: Response) => [res.status, await res.json()];

const en = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "apiErrors" });
const english = (f: Failure) => f.ref && en(f.ref.key as Parameters<typeof en>[0], f.ref.params);

describe("API errors in the user's language", () => {
  it("a German browser gets the German message, with the same status", async () => {
    expect(await answer(inUserLanguage(notFound(), req("de-DE,de;q=0.9"), null))).toEqual([
      404,
      { error: "Diese Domain gibt es nicht." },
    ]);
  });

  it("the user's own setting wins over the browser's language, both ways", async () => {
    expect(await answer(inUserLanguage(notFound(), req("en-US"), "de"))).toEqual([
      404,
      { error: "Diese Domain gibt es nicht." },
    ]);
    expect(await answer(inUserLanguage(notFound(), req("de-DE"), "en"))).toEqual([
      404,
      { error: "No such domain." },
    ]);
  });

  it("a request without a language, or an error without a key, stays English", async () => {
    expect(await answer(inUserLanguage(notFound(), req(), null))).toEqual([
      404,
      { error: "No such domain." },
    ]);
    const plain = fail("conflict", "Something only English.");
    expect(await answer(inUserLanguage(plain, req("de"), "de"))).toEqual([
      409,
      { error: "Something only English." },
    ]);
  });

  it("parameters reach the German sentence (STS-OPS-8 refusal)", async () => {
    const refusal = actionRefusalFailure("enforce", "none");
    expect(refusal).not.toBeNull();
    if (!refusal) return;
    expect(await answer(inUserLanguage(failed(refusal), req("de"), null))).toEqual([
      409,
      {
        error:
          "Der Erzwingungsmodus folgt auf den Testmodus (STS-OPS-8); die Richtlinie ist im Modus none.",
      },
    ]);
  });

  it("the English message of each key is the route's English sentence", () => {
    const refusals = [
      actionRefusalFailure("enforce", null),
      actionRefusalFailure("enforce", "enforce"),
      actionRefusalFailure("rollback", "testing"),
      actionRefusalFailure("removal", "none"),
    ].filter((f) => f !== null);
    expect(refusals).toHaveLength(4);
    const pairs: [string, Failure][] = [
      ...refusals.map((f): [string, Failure] => [f.message, f]),
      [ALREADY_RUNNING, { kind: "conflict", message: "", ref: { key: "checkRunning" } }],
      [NO_SUCH_DOMAIN, { kind: "not-found", message: "", ref: { key: "noSuchDomain" } }],
      [
        `max_age must be a whole number of seconds from 1 to ${MAX_AGE_LIMIT}.`,
        {
          kind: "conflict",
          message: "",
          ref: { key: "maxAgeRange", params: { limit: String(MAX_AGE_LIMIT) } },
        },
      ],
    ];
    expect(pairs.map(([text, f]) => english(f) === text)).toEqual(pairs.map(() => true));
  });
});
