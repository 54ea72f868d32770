// For locked-out admins and scripted setups; talks to the database in DATABASE_URL.
//   npm run user -- list
//   npm run user -- add <email> --name "Full Name" [--role admin|viewer] [--password-stdin]
//   npm run user -- reset <email> [--password-stdin]
// Without --password-stdin a strong random password is generated and printed once.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { hashPassword, passwordProblem } from "../lib/auth/password";
import { dbConfigFromEnv } from "../lib/db/config";
import { createDb } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { recordAudit } from "../lib/db/audit/audit";
import { removeSetupCodeFile } from "../lib/auth/setup-code";
import { clearSetupCodes, createUser, listUsers, setUserPassword } from "../lib/db/users/users";

const USAGE = `usage:
  npm run user -- list
  npm run user -- add <email> --name "Full Name" [--role admin|viewer] [--password-stdin]
  npm run user -- reset <email> [--password-stdin]`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: "string" },
    role: { type: "string", default: "admin" },
    "password-stdin": { type: "boolean", default: false },
  },
});
const [command, email] = positionals;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function password(): { value: string; generated: boolean } {
  if (values["password-stdin"]) {
    const value = readFileSync(0, "utf8").split(/\r?\n/)[0] ?? "";
    const problem = passwordProblem(value);
    if (problem) fail(problem);
    return { value, generated: false };
  }
  return { value: randomBytes(15).toString("base64url"), generated: true };
}

const config = dbConfigFromEnv();
await applyMigrations(config);
const db = createDb(config);
try {
  if (command === "list") {
    const users = await listUsers(db);
    if (users.length === 0) console.log("no users yet: open the app to create the first admin");
    for (const u of users) console.log(`${u.role.padEnd(6)}  ${u.email}  (${u.name})`);
  } else if (command === "add" && email) {
    const role =
      values.role === "viewer"
        ? "viewer"
        : values.role === "admin"
          ? "admin"
          : fail("--role must be admin or viewer");
    const pw = password();
    const r = await createUser(db, {
      email,
      name: values.name ?? email,
      role,
      passwordHash: await hashPassword(pw.value),
    });
    if (!r.ok) fail(r.error.message);
    // A user exists now, so first run is over: forget any setup code a running server printed.
    await clearSetupCodes(db);
    removeSetupCodeFile(config);
    await recordAudit(db, {
      userId: null,
      actor: "cli",
      action: "user.add",
      details: { email: r.value.email, role },
    });
    console.log(`added ${role} ${r.value.email}`);
    if (pw.generated) console.log(`password: ${pw.value}`);
  } else if (command === "reset" && email) {
    const pw = password();
    const r = await setUserPassword(db, email, await hashPassword(pw.value));
    if (!r.ok) fail(r.error.message);
    await recordAudit(db, {
      userId: null,
      actor: "cli",
      action: "user.reset-password",
      details: { email: r.value.email },
    });
    console.log(`password reset for ${r.value.email}; their open sessions have ended`);
    if (pw.generated) console.log(`password: ${pw.value}`);
  } else {
    fail(USAGE);
  }
} finally {
  await db.$disconnect();
}
