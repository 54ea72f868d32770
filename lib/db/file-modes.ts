// Issue 11, files: the data directory is 0700, and the SQLite database (with its -wal and
// -shm files) and every secret kept beside it are 0600, so no other account on the host
// can read reports, password hashes, sealed IMAP passwords or the session secret. Applied
// on every start, so files an older version (or a copy, or a restore) left with looser
// modes are tightened too.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync } from "node:fs";
import path from "node:path";

export const PRIVATE_DIR = 0o700;
export const PRIVATE_FILE = 0o600;

/** The app's data directory under its root (scripts/start.sh keeps auth-secret there). */
export const dataDirOf = (root: string) => path.join(root, "data");

/**
 * Makes `dir` 0700 and every regular file directly in it 0600, when it exists: the data
 * directory holds only the SQLite database and secrets (data/auth-secret). Subdirectories
 * (e2e runs keep their own) are left as they are.
 */
export function secureDataDir(dir: string): void {
  if (!existsSync(dir)) return;
  chmodPrivate(dir, PRIVATE_DIR);
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isFile()) chmodPrivate(path.join(dir, e.name), PRIVATE_FILE);
  }
}

/**
 * Before SQLite opens `file`: its directory exists and is 0700 (unless that directory is
 * the app's root itself, which holds the code), and the file exists and is 0600, so it is
 * never readable by others, not even for a moment after its creation. SQLite creates the
 * -wal and -shm files with the database file's mode; existing ones are tightened here.
 */
export function secureSqliteFile(file: string, root: string = process.cwd()): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  if (path.resolve(dir) !== path.resolve(root)) chmodPrivate(dir, PRIVATE_DIR);
  if (!existsSync(file)) closeSync(openSync(file, "a", PRIVATE_FILE));
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    if (existsSync(f)) chmodPrivate(f, PRIVATE_FILE);
  }
}

function chmodPrivate(p: string, mode: number): void {
  try {
    chmodSync(p, mode);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    throw new Error(
      `cannot make ${p} private (mode ${mode.toString(8)}): ${String(code ?? e)}; it must belong to the user the app runs as`,
    );
  }
}
