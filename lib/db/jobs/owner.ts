import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

// This process's name in claim and lease rows: host, pid and a random part (a restarted
// process with a reused pid is still someone else).
const holder = globalThis as unknown as { __stsProcessOwner?: string };

export function processOwner(): string {
  holder.__stsProcessOwner ??= `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  return holder.__stsProcessOwner;
}
