// Issue 14 §3: the exact text each channel carries for one alert.
import { describe, expect, it } from "vitest";
import { RETRY_MINUTES, MAX_ATTEMPTS, nextAttemptAfter, withinRepeatWindow } from "./backoff";
import { emailMessage, standardPayload, type AlertMessage } from "./payloads";
import { isWebhookSecret, newWebhookSecret, signedHeaders } from "./signing";
import { Webhook } from "standardwebhooks";

const alert: AlertMessage = {
  id: "alert1",
  domain: "bücher.example",
  kind: "WATCH-CERT",
  subject: "mx1.bücher.example",
  title: "The certificate of mx1.bücher.example expires in 9 days",
  detail: "Valid until 2026-11-29T00:00:00Z.",
  fix: "Renew the certificate and install it on the MX host.",
  raisedAt: new Date("2026-11-20T08:00:00Z"),
  link: "https://sts.example.net/domains/xn--bcher-kva.example/alerts",
};

describe("alert payloads", () => {
  it("writes the e-mail subject and text", () => {
    expect(emailMessage(alert)).toEqual({
      subject:
        "[STS Rollout] bücher.example: The certificate of mx1.bücher.example expires in 9 days",
      text: [
        "The certificate of mx1.bücher.example expires in 9 days",
        "",
        "Domain: bücher.example",
        "Alert: WATCH-CERT (Certificate expires soon, warning)",
        "About: mx1.bücher.example",
        "Raised: 2026-11-20T08:00:00.000Z",
        "",
        "Valid until 2026-11-29T00:00:00Z.",
        "",
        "What to do: Renew the certificate and install it on the MX host.",
        "",
        "https://sts.example.net/domains/xn--bcher-kva.example/alerts",
        "",
        "-- ",
        "Sent by STS Rollout. Choose which alerts bücher.example sends on its Alerts page.",
        "",
      ].join("\n"),
    });
  });

  it("signs a Standard Webhooks body that the scheme's verifier accepts", () => {
    const secret = newWebhookSecret();
    expect(isWebhookSecret(secret)).toBe(true);
    const body = standardPayload(alert);
    const at = new Date();
    const headers = signedHeaders(secret, "alert1", at, body);
    expect(headers["webhook-id"]).toBe("alert1");
    expect(headers["webhook-timestamp"]).toBe(String(Math.floor(at.getTime() / 1000)));
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(new Webhook(secret).verify(body, headers)).toMatchObject({ type: "alert.raised" });
    expect(() => new Webhook(secret).verify(`${body} `, headers)).toThrow();
  });
});

describe("back-off and repeats", () => {
  it("retries after 1, 5, 30, 120 and 720 minutes, then gives up", () => {
    const now = new Date("2026-11-20T08:00:00Z");
    expect(RETRY_MINUTES).toEqual([1, 5, 30, 120, 720]);
    expect(MAX_ATTEMPTS).toBe(6);
    const waits = [1, 2, 3, 4, 5].map(
      (n) => (nextAttemptAfter(n, now)!.getTime() - now.getTime()) / 60_000,
    );
    expect(waits).toEqual([1, 5, 30, 120, 720]);
    expect(nextAttemptAfter(6, now)).toBeNull();
  });

  it("counts a repeat inside the window only", () => {
    const last = new Date("2026-11-20T08:00:00Z");
    expect(withinRepeatWindow(last, new Date("2026-11-21T07:59:59Z"), 24)).toBe(true);
    expect(withinRepeatWindow(last, new Date("2026-11-21T08:00:00Z"), 24)).toBe(false);
  });
});
