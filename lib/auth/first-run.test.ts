import { existsSync, readFileSync, statSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "@/lib/db/audit/audit";
import { openTestDb, type TestDb } from "@/lib/db/db.test-utils";
import { countUsers } from "@/lib/db/users/users";
import {
  WRONG_SETUP_CODE,
  announceSetupCode,
  createFirstAdminWithCode,
  createSetupCodeThrottle,
  type SetupCodeThrottle,
} from "./first-run";
import { generateSetupCode, hashSetupCode, normalizeSetupCode, setupCodeFile } from "./setup-code";

let t: TestDb;
let throttle: SetupCodeThrottle;
const logged: string[] = [];
const log = { warn: (m: string) => void logged.push(m) };

beforeAll(async () => {
  t = await openTestDb();
  throttle = await createSetupCodeThrottle("setup_code_test");
});
afterAll(async () => t.close());

const wrongCode = { kind: "invalid", message: WRONG_SETUP_CODE, ref: { key: "wrongSetupCode" } };
const wait15 = {
  kind: "invalid",
  message: "Too many wrong setup codes. Try again in 15 minutes.",
  ref: { key: "setupCodeWaitMinutes", params: { minutes: 15 } },
};

const input = (setupCode: string, address = "192.0.2.1") => ({
  name: "Ada",
  email: "ada@example.test",
  password: "correct horse battery",
  setupCode,
  address,
});

describe("setup codes", () => {
  it("are 3 groups of 4 unambiguous symbols, different each time; typing is forgiving", () => {
    const codes = new Set(Array.from({ length: 200 }, generateSetupCode));
    expect(codes.size).toBe(200);
    for (const c of codes) expect(c).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}(-[2-9A-HJKMNP-TV-Z]{4}){2}$/);
    expect(normalizeSetupCode(" k7qd-9xrm 4htb ")).toBe("K7QD9XRM4HTB");
    expect(hashSetupCode("k7qd 9xrm-4htb")).toBe(hashSetupCode("K7QD-9XRM-4HTB"));
  });
});

describe("first run with a setup code", () => {
  let code = "";

  it("at start, prints the code in the log, keeps only its hash, and writes a 0600 copy", async () => {
    code = (await announceSetupCode(t.db, t.config, log, "http://127.0.0.1:3000")) ?? "";
    expect(logged).toEqual([
      `No user exists yet. To create the first admin, open http://127.0.0.1:3000/first-run and enter the setup code ${code}`,
    ]);
    const file = setupCodeFile(t.config);
    expect(readFileSync(file, "utf8")).toBe(`${code}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const settings = await t.db.setting.findMany();
    expect(settings.map((s) => s.key)).toEqual([`setup-code:${hashSetupCode(code)}`]);
    expect(JSON.stringify(settings)).not.toContain(normalizeSetupCode(code));
  });

  it("a new start replaces the earlier code: only the latest code works", async () => {
    const earlier = code;
    code = (await announceSetupCode(t.db, t.config, log, "http://127.0.0.1:3000")) ?? "";
    expect(code).not.toBe(earlier);
    const settings = await t.db.setting.findMany();
    expect(settings.map((s) => s.key)).toEqual([`setup-code:${hashSetupCode(code)}`]);
    const other = await createSetupCodeThrottle("setup_code_restart");
    expect(await createFirstAdminWithCode(t.db, t.config, other, input(earlier))).toEqual({
      ok: false,
      error: wrongCode,
    });
    expect(await countUsers(t.db)).toBe(0);
  });

  it("counts wrong codes per IPv6 /64: wrong codes from its addresses block all of it", async () => {
    const v6 = await createSetupCodeThrottle("setup_code_v6");
    for (let i = 1; i <= 6; i++) {
      expect(
        await createFirstAdminWithCode(
          t.db,
          t.config,
          v6,
          input("AAAA-BBBB-CCCC", `2001:db8:5:6::${i}`),
        ),
      ).toEqual({ ok: false, error: wrongCode });
    }
    expect(
      await createFirstAdminWithCode(
        t.db,
        t.config,
        v6,
        input("AAAA-BBBB-CCCC", "2001:db8:5:6:ffff::9"),
      ),
    ).toEqual({ ok: false, error: wait15 });
    expect(
      await createFirstAdminWithCode(
        t.db,
        t.config,
        v6,
        input("AAAA-BBBB-CCCC", "2001:db8:5:7::1"),
      ),
    ).toEqual({ ok: false, error: wrongCode });
  });

  it("refuses a wrong code; after 5 wrong codes the address waits 15 minutes", async () => {
    for (let i = 0; i < 6; i++) {
      expect(
        await createFirstAdminWithCode(t.db, t.config, throttle, input("AAAA-BBBB-CCCC")),
      ).toEqual({ ok: false, error: wrongCode });
    }
    expect(await createFirstAdminWithCode(t.db, t.config, throttle, input(code))).toEqual({
      ok: false,
      error: wait15,
    });
    expect(await countUsers(t.db)).toBe(0);
  });

  it("the right code (from another address) creates the admin; the code and its file are gone", async () => {
    const weak = await createFirstAdminWithCode(t.db, t.config, throttle, {
      ...input(code, "192.0.2.2"),
      password: "short",
    });
    expect(weak).toEqual({
      ok: false,
      error: {
        kind: "invalid",
        message: "The password must be at least 10 characters long.",
        ref: { key: "passwordTooShort", params: { min: 10 } },
      },
    });
    const r = await createFirstAdminWithCode(t.db, t.config, throttle, input(code, "192.0.2.2"));
    expect(r.ok && [r.value.email, r.value.role]).toEqual(["ada@example.test", "admin"]);
    expect(existsSync(setupCodeFile(t.config))).toBe(false);
    expect(await t.db.setting.count({ where: { key: { startsWith: "setup-code:" } } })).toBe(0);
    const [event] = await listAudit(t.db, { limit: 1 });
    expect([event?.action, event?.details]).toEqual(["user.first-admin", { address: "192.0.2.2" }]);
    const again = await createFirstAdminWithCode(
      t.db,
      t.config,
      throttle,
      input(code, "192.0.2.3"),
    );
    expect(again).toEqual({ ok: false, error: wrongCode });
  });

  it("once an admin exists, a restart prints no code", async () => {
    logged.length = 0;
    expect(await announceSetupCode(t.db, t.config, log, "http://127.0.0.1:3000")).toBeNull();
    expect(logged).toEqual([]);
    expect(existsSync(setupCodeFile(t.config))).toBe(false);
  });
});
