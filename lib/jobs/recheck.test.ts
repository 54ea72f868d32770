import { describe, expect, it } from "vitest";
import { recheckAll, recheckProblem, type CheckOutcome, type RecheckDomain } from "./recheck";

const domains = (n: number): RecheckDomain[] =>
  Array.from({ length: n }, (_, i) => ({ id: `d${i}`, name: `d${i}.example` }));

describe("the daily re-check (issue 14 §1)", () => {
  it("checks every domain with at most `concurrency` at once, then watches each", async () => {
    let open = 0;
    let peak = 0;
    const watched: string[] = [];
    const s = await recheckAll(
      {
        domains: async () => domains(20),
        checkedSince: async () => new Set(),
        checkOne: async () => {
          peak = Math.max(peak, ++open);
          await new Promise((r) => setTimeout(r, 5));
          open--;
          return "stored";
        },
        watch: async (d) => void watched.push(d.id),
        concurrency: 4,
        signal: new AbortController().signal,
      },
      new Date(),
    );
    expect(s).toEqual({ domains: 20, checked: 20, skipped: 0, failed: 0, busy: 0 });
    expect(peak).toBe(4);
    expect(watched.sort()).toEqual(
      domains(20)
        .map((d) => d.id)
        .sort(),
    );
    expect(recheckProblem(s)).toBeNull();
  });

  it("a resumed run skips the domains already checked in the slot", async () => {
    const seen: string[] = [];
    const s = await recheckAll(
      {
        domains: async () => domains(5),
        checkedSince: async () => new Set(["d0", "d3"]),
        checkOne: async (d) => {
          seen.push(d.id);
          return "stored";
        },
        watch: async () => undefined,
        concurrency: 8,
        signal: new AbortController().signal,
      },
      new Date(),
    );
    expect(seen.sort()).toEqual(["d1", "d2", "d4"]);
    expect(s).toEqual({ domains: 5, checked: 3, skipped: 2, failed: 0, busy: 0 });
  });

  it("retries a busy domain, counts failures and names them; a failed check is not watched", async () => {
    const calls = new Map<string, number>();
    const watched: string[] = [];
    const outcome: Record<string, CheckOutcome[]> = {
      d0: ["busy", "busy", "stored"],
      d1: ["failed"],
      d2: ["busy", "busy", "busy"],
    };
    const s = await recheckAll(
      {
        domains: async () => domains(3),
        checkedSince: async () => new Set(),
        checkOne: async (d) => {
          const n = calls.get(d.id) ?? 0;
          calls.set(d.id, n + 1);
          return outcome[d.id]?.[n] ?? "busy";
        },
        watch: async (d) => void watched.push(d.id),
        concurrency: 2,
        signal: new AbortController().signal,
        busyRetries: 2,
        sleep: async () => undefined,
      },
      new Date(),
    );
    expect(s).toEqual({ domains: 3, checked: 1, skipped: 0, failed: 1, busy: 1 });
    expect(Object.fromEntries(calls)).toEqual({ d0: 3, d1: 1, d2: 3 });
    expect(watched).toEqual(["d0"]);
    expect(recheckProblem(s)).toBe("1 of 3 domain checks failed (see the server log)");
  });

  it("stops starting domains once its lease is lost, and says why", async () => {
    const c = new AbortController();
    let started = 0;
    const run = recheckAll(
      {
        domains: async () => domains(10),
        checkedSince: async () => new Set(),
        checkOne: async () => {
          if (++started === 2) c.abort(new Error("the lease was taken over by another instance"));
          return "stored";
        },
        watch: async () => undefined,
        concurrency: 1,
        signal: c.signal,
      },
      new Date(),
    );
    await expect(run).rejects.toThrow("the lease was taken over by another instance");
    expect(started).toBe(2);
  });
});
