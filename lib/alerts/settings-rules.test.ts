import { describe, expect, it } from "vitest";
import { parseRecipients, redactWebhookUrl, webhookUrlProblem } from "./settings-rules";

describe("alert settings rules", () => {
  it("splits recipients on commas, semicolons and spaces, without repeats", () => {
    expect(parseRecipients("ops@example.org; oncall@example.org\nops@example.org")).toEqual({
      ok: true,
      value: ["ops@example.org", "oncall@example.org"],
    });
    expect(parseRecipients("ops@example")).toEqual({
      ok: false,
      error: {
        kind: "invalid",
        message: '"ops@example" is not an e-mail address.',
        ref: { key: "notAnAddress", params: { address: "ops@example" } },
      },
    });
  });

  it("takes http and https webhook URLs, private addresses included (admins set them)", () => {
    expect(webhookUrlProblem("http://10.0.0.5:8065/hooks/abc")).toBeNull();
    expect(webhookUrlProblem("https://hooks.example.com/services/T/B/X")).toBeNull();
    expect(webhookUrlProblem("hooks.example.com")).toEqual({
      kind: "invalid",
      message: '"hooks.example.com" is not a URL.',
      ref: { key: "notAUrl", params: { url: "hooks.example.com" } },
    });
  });

  it("shows only the scheme and host to those who may not see the whole URL", () => {
    expect(redactWebhookUrl("https://hooks.example.com/services/T/B/secret")).toBe(
      "https://hooks.example.com/…",
    );
  });
});
