import { describe, expect, it } from "vitest";
import { checkerOptions, CHECKER_OVERRIDE } from "./checker";
import { parseSecrets } from "./secrets";
import { parseSettings } from "./settings";

// Issue 13.5: every STS_*, auth and database variable is parsed here once; a bad value is an
// error at start that names the variable.
describe("settings parsed once (lib/config)", () => {
  it("reads the public addresses, the port and the checker's network settings", () => {
    const s = parseSettings({
      DATABASE_URL: "postgres://sts@db.internal:5432/sts",
      NEXTAUTH_URL: "https://sts.example.com",
      PORT: "8080",
      STS_PUBLIC_URL: " https://sts.example.com ",
      STS_RUA_MAILTO: "tlsrpt@example.com",
      STS_DNS_SERVERS: "127.0.0.1:5353, 9.9.9.9",
      STS_CHECK_ALLOW_PRIVATE: "1",
    });
    expect([
      s.DATABASE_URL,
      s.NEXTAUTH_URL,
      s.PORT,
      s.STS_PUBLIC_URL,
      s.STS_RUA_MAILTO,
      s.STS_DNS_SERVERS,
      s.STS_CHECK_ALLOW_PRIVATE,
      s.STS_CHECK_TEST_RUA,
    ]).toEqual([
      "postgres://sts@db.internal:5432/sts",
      "https://sts.example.com",
      8080,
      "https://sts.example.com",
      "tlsrpt@example.com",
      ["127.0.0.1:5353", "9.9.9.9"],
      true,
      false,
    ]);
  });

  it("unset and empty values mean the defaults", () => {
    const s = parseSettings({ STS_PUBLIC_URL: "", NEXTAUTH_URL: "  " });
    expect([s.DATABASE_URL, s.STS_PUBLIC_URL, s.NEXTAUTH_URL, s.PORT, s.STS_DNS_SERVERS]).toEqual([
      undefined,
      undefined,
      undefined,
      3000,
      undefined,
    ]);
  });

  it("the scheduler's settings (issue 14): daily re-check time, concurrency, leases", () => {
    const d = parseSettings({});
    expect([
      d.STS_RECHECK_AT,
      d.STS_RECHECK_CONCURRENCY,
      d.STS_JOB_LEASE_MS,
      d.STS_JOB_TICK_MS,
    ]).toEqual([180, 8, 60_000, 10_000]);
    const s = parseSettings({ STS_RECHECK_AT: "22:45", STS_RECHECK_CONCURRENCY: "2" });
    expect([s.STS_RECHECK_AT, s.STS_RECHECK_CONCURRENCY]).toEqual([22 * 60 + 45, 2]);
    expect(parseSettings({ STS_RECHECK_AT: "off" }).STS_RECHECK_AT).toBeNull();
  });

  it.each([
    [
      { DATABASE_URL: "mysql://db/sts" },
      'DATABASE_URL: DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL); got "mysql:…"',
    ],
    [
      { STS_SQLITE_SYNC: "off" },
      'STS_SQLITE_SYNC: STS_SQLITE_SYNC must be normal or full; got "off"',
    ],
    [{ STS_PUBLIC_URL: "sts.example.com" }, "STS_PUBLIC_URL: is not an http: or https: URL"],
    [{ NEXTAUTH_URL: "localhost:3000" }, "NEXTAUTH_URL: is not an http: or https: URL"],
    [{ PORT: "eighty" }, "PORT: Invalid input: expected number, received NaN"],
    [
      { STS_SIGN_IN_PER_MINUTE: "0" },
      "STS_SIGN_IN_PER_MINUTE: Too small: expected number to be >0",
    ],
    [{ STS_EXTRA_CA_FILE: "/nonexistent/ca.pem" }, "STS_EXTRA_CA_FILE: names no file"],
    [
      { STS_CHECK_TEST_RUA: "yes" },
      'STS_CHECK_TEST_RUA: Invalid option: expected one of "0"|"1"|"true"|"false"',
    ],
    [
      { STS_RECHECK_AT: "3am" },
      'STS_RECHECK_AT: "3am" is not a time of day as HH:MM (UTC, 00:00 to 23:59), or "off"',
    ],
    [
      { STS_RECHECK_CONCURRENCY: "0" },
      "STS_RECHECK_CONCURRENCY: Too small: expected number to be >=1",
    ],
  ])("%j stops the start: %s", (env, line) => {
    expect(() => parseSettings(env)).toThrow(`Invalid settings in the environment:\n  ${line}`);
  });

  it("secrets are read in their own server-only module and never echoed", () => {
    expect(parseSecrets({ NEXTAUTH_SECRET: "n", STS_SECRET: "" })).toEqual({
      NEXTAUTH_SECRET: "n",
      STS_SECRET: undefined,
    });
  });

  it("STS_METRICS_TOKEN: unset, a bearer token, or an error that never shows the value", () => {
    expect(parseSecrets({}).STS_METRICS_TOKEN).toBeUndefined();
    expect(parseSecrets({ STS_METRICS_TOKEN: "" }).STS_METRICS_TOKEN).toBeUndefined();
    const token = "3f9a1c0e7b2d4a6f8e1c3b5d7f9a0c2e";
    expect(parseSecrets({ STS_METRICS_TOKEN: token }).STS_METRICS_TOKEN).toBe(token);
    for (const bad of ["short-token", "has space in the token", "ünïcødé-ünïcødé-ünïcødé"]) {
      expect(() => parseSecrets({ STS_METRICS_TOKEN: bad })).toThrow(
        "Invalid settings in the environment:\n  STS_METRICS_TOKEN: must be at least 16 characters of A-Z a-z 0-9 - . _ ~ + / (a bearer token, e.g. from openssl rand -hex 32)",
      );
      expect(() => parseSecrets({ STS_METRICS_TOKEN: bad })).not.toThrow(bad);
    }
  });
});

describe("checker settings", () => {
  const base = {
    STS_DNS_SERVERS: ["127.0.0.1:5353"],
    STS_CHECK_ALLOW_PRIVATE: false,
    STS_CHECK_TEST_RUA: true,
    STS_EXTRA_CA_FILE: undefined,
  };

  it("come from the settings, with no test hook in a production start", () => {
    expect(checkerOptions(base)).toEqual({ dnsServers: ["127.0.0.1:5353"], testHttpsRua: true });
  });

  it("a test harness's override (e2e/checker-override.mjs) is asked on every call", () => {
    let port = 2525;
    Reflect.set(globalThis, CHECKER_OVERRIDE, () => ({ smtpPort: port, allowPrivate: true }));
    try {
      expect(checkerOptions(base)).toMatchObject({ smtpPort: 2525, allowPrivate: true });
      port = 2526;
      expect(checkerOptions(base)).toEqual({
        dnsServers: ["127.0.0.1:5353"],
        testHttpsRua: true,
        smtpPort: 2526,
        allowPrivate: true,
      });
    } finally {
      Reflect.deleteProperty(globalThis, CHECKER_OVERRIDE);
    }
  });
});
