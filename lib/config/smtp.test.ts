// Alert e-mail settings (issue 14 §3): STS_SMTP_URL or host/port/user, a clear error naming
// the variable, never the password.
import { describe, expect, it } from "vitest";
import { parseSettings } from "./settings";
import { smtpConfig } from "./smtp";

const base = { STS_SMTP_PORT: 587, STS_SMTP_SECURE: false };

describe("smtpConfig", () => {
  it("is off without STS_SMTP_URL or STS_SMTP_HOST", () => {
    expect(smtpConfig(base)).toEqual({ ok: true, value: null });
  });

  it("reads a URL with credentials; smtps means implicit TLS on 465", () => {
    const r = smtpConfig({
      ...base,
      STS_SMTP_URL: "smtps://alerts%40example.net:p%40ss@smtp.example.net",
      STS_SMTP_FROM: "sts@example.net",
    });
    expect(r).toEqual({
      ok: true,
      value: {
        transport: {
          host: "smtp.example.net",
          port: 465,
          secure: true,
          auth: { user: "alerts@example.net", pass: "p@ss" },
        },
        from: "sts@example.net",
      },
    });
  });

  it("reads host, port, user and the password variable", () => {
    const env = parseSettings({
      STS_SMTP_HOST: "smtp.example.net",
      STS_SMTP_PORT: "2525",
      STS_SMTP_USER: "u",
      STS_SMTP_FROM: "a@example.net",
    });
    expect(smtpConfig({ ...env, STS_SMTP_PASS: "secret" })).toEqual({
      ok: true,
      value: {
        transport: {
          host: "smtp.example.net",
          port: 2525,
          secure: false,
          auth: { user: "u", pass: "secret" },
        },
        from: "a@example.net",
      },
    });
  });

  it("names the variable that is wrong, never the password", () => {
    expect(smtpConfig({ ...base, STS_SMTP_HOST: "smtp.example.net" })).toEqual({
      ok: false,
      error: "STS_SMTP_FROM: set the sender address alert e-mail comes from.",
    });
    const r = smtpConfig({
      ...base,
      STS_SMTP_URL: "https://u:hunter2@example.net",
      STS_SMTP_FROM: "a@example.net",
    });
    expect(r).toEqual({ ok: false, error: "STS_SMTP_URL: must start with smtp:// or smtps://." });
    expect(() => parseSettings({ STS_ALERT_REPEAT_HOURS: "0" })).toThrow(/STS_ALERT_REPEAT_HOURS/);
  });
});
