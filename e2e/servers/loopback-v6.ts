// IPv6 addresses for the test world. Loopback IPv6 is only ::1, so a world that publishes
// AAAA records adds its own /128 addresses to `lo` (fd00:5e5:<random>::N) and removes them on
// stop; "unroutable" addresses come from a 2001:db8:5e5:<random>::/64 with a `throw` route,
// so a connect fails with ENETUNREACH exactly as on a machine without an IPv6 route.
// Needs root (CAP_NET_ADMIN), like the world's :25 and :443.
import { randomInt } from "node:crypto";
import { execFileSync } from "node:child_process";

export interface V6Block {
  /** A new address on `lo` that servers can bind. */
  allocate(): string;
  /** A new address this machine has no route to (connect: ENETUNREACH). */
  unroutable(): string;
  /** Removes every address and route this block added. */
  remove(): void;
}

const ip = (...args: string[]) => execFileSync("ip", args, { stdio: ["ignore", "ignore", "pipe"] });

export function createV6Block(): V6Block {
  const tag = randomInt(1, 0xffff).toString(16);
  const added: string[] = [];
  let route: string | null = null;
  let next = 1;
  let nextUnroutable = 1;
  return {
    allocate() {
      const address = `fd00:5e5:${tag}::${(next++).toString(16)}`;
      ip("-6", "addr", "add", `${address}/128`, "dev", "lo", "nodad");
      added.push(address);
      return address;
    },
    unroutable() {
      if (route === null) {
        route = `2001:db8:5e5:${tag}::/64`;
        ip("-6", "route", "add", "throw", route);
      }
      return `2001:db8:5e5:${tag}::${(nextUnroutable++).toString(16)}`;
    },
    remove() {
      for (const address of added.splice(0)) {
        try {
          ip("-6", "addr", "del", `${address}/128`, "dev", "lo");
        } catch {
          // already gone
        }
      }
      if (route !== null) {
        try {
          ip("-6", "route", "del", "throw", route);
        } catch {
          // already gone
        }
        route = null;
      }
    },
  };
}
