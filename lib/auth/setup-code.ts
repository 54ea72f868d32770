import { createHash, randomInt } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DbConfig } from "@/lib/db/config";

// The first-run setup code (the Jenkins / Grafana-installer pattern): while no user
// exists, each server start makes a random code, prints it once in its log and stores only
// its SHA-256 in the database (Setting `setup-code:<hash>`), so whoever can read the log
// of this server, and nobody else, can create the first admin. The database (not process
// memory) holds the hashes so a code works whichever process or instance answers; every
// code is forgotten once the first admin exists. A copy is written to `setup-code` in the
// data folder (mode 0600, deleted once used) for scripts such as the e2e suite that cannot
// read the log; it is readable only by the user the server runs as.

// Crockford-style alphabet without 0/O, 1/I/L, U: unambiguous when read off a log.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
const GROUPS = 3;
const GROUP_LENGTH = 4;

/** A fresh code such as "K7QD-9XRM-4HTB" (12 symbols of 30: about 59 bits). */
export function generateSetupCode(): string {
  const groups = Array.from({ length: GROUPS }, () =>
    Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""),
  );
  return groups.join("-");
}

/** Case, spaces and dashes do not matter when the code is typed. */
export function normalizeSetupCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, "");
}

export function hashSetupCode(typed: string): string {
  return createHash("sha256").update(normalizeSetupCode(typed)).digest("hex");
}

/** The data folder: beside the SQLite file, or ./data when the database is PostgreSQL. */
export function dataDir(config: DbConfig): string {
  return config.provider === "sqlite"
    ? path.dirname(config.url)
    : path.resolve(/*turbopackIgnore: true*/ process.cwd(), "data");
}

export const setupCodeFile = (config: DbConfig): string => path.join(dataDir(config), "setup-code");

export function writeSetupCodeFile(config: DbConfig, code: string): void {
  mkdirSync(dataDir(config), { recursive: true, mode: 0o700 });
  const file = setupCodeFile(config);
  rmSync(file, { force: true });
  writeFileSync(file, `${code}\n`, { mode: 0o600, flag: "wx" });
}

export function removeSetupCodeFile(config: DbConfig): void {
  rmSync(setupCodeFile(config), { force: true });
}
