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
        checkedSince: async () => new Map(),
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
    expect(s).toEqual({ domains: 20, checked: 20, skipped: 0, watchedOnly: 0, failed: 0, busy: 0 });
    expect(peak).toBe(4);
    expect(watched.sort()).toEqual(
      domains(20)
        .map((d) => d.id)
        .sort(),
    );
    expect(recheckProblem(s)).toBeNull();
  });

  it("gives the event loop a turn before each domain's check and watch, even when neither waits for I/O (bench:watch)", async () => {
    // On SQLite a check's database statements resolve without an event-loop turn; a page
    // request must still get in between two domains.
    let turns = 0;
    let done = false;
    const spin = () => {
      if (done) return;
      turns++;
      setImmediate(spin);
    };
    setImmediate(spin);
    const at: number[] = [];
    const s = await recheckAll(
      {
        domains: async () => domains(30),
        checkedSince: async () => new Map(),
        checkOne: async () => {
          at.push(turns);
          return "stored";
        },
        watch: async () => void at.push(turns),
        concurrency: 1,
        signal: new AbortController().signal,
      },
      new Date(),
    );
    done = true;
    expect(s.checked).toBe(30);
    expect(at).toHaveLength(60);
    // Each check and each watch saw at least one more turn than the step before it.
    expect(at.every((t, i) => i === 0 || t > (at[i - 1] ?? 0))).toBe(true);
  });

  it("a resumed run skips the domains already checked in the slot", async () => {
    const seen: string[] = [];
    const s = await recheckAll(
      {
        domains: async () => domains(5),
        checkedSince: async () =>
          new Map([
            ["d0", true],
            ["d3", true],
          ]),
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
    expect(s).toEqual({ domains: 5, checked: 3, skipped: 2, watchedOnly: 0, failed: 0, busy: 0 });
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
        checkedSince: async () => new Map(),
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
    expect(s).toEqual({ domains: 3, checked: 1, skipped: 0, watchedOnly: 0, failed: 1, busy: 1 });
    expect(Object.fromEntries(calls)).toEqual({ d0: 3, d1: 1, d2: 3 });
    expect(watched).toEqual(["d0"]);
    expect(recheckProblem(s)).toBe("1 of 3 domain checks failed (see the server log)");
  });

  it("a resumed run only watches a domain whose check was stored but not watched (its instance died in between)", async () => {
    const checked: string[] = [];
    const watched: string[] = [];
    const s = await recheckAll(
      {
        domains: async () => domains(4),
        checkedSince: async () =>
          new Map([
            ["d0", true],
            ["d1", false],
          ]),
        checkOne: async (d) => {
          checked.push(d.id);
          return "stored";
        },
        watch: async (d) => void watched.push(d.id),
        concurrency: 2,
        signal: new AbortController().signal,
      },
      new Date(),
    );
    expect(checked.sort()).toEqual(["d2", "d3"]);
    expect(watched.sort()).toEqual(["d1", "d2", "d3"]);
    expect(s).toEqual({ domains: 4, checked: 2, skipped: 2, watchedOnly: 1, failed: 0, busy: 0 });
  });

  it("does not check again a busy domain that a stalled instance stored meanwhile", async () => {
    // The stalled instance lost the job's lease but went on with its check of d0; this run
    // found d0 busy, and after the wait finds it stored (not yet watched).
    let storedByOther = false;
    const checked: string[] = [];
    const watched: string[] = [];
    const s = await recheckAll(
      {
        domains: async () => domains(2),
        checkedSince: async () =>
          storedByOther ? new Map([["d0", false]]) : new Map<string, boolean>(),
        checkOne: async (d) => {
          if (d.id === "d0") return "busy";
          checked.push(d.id);
          return "stored";
        },
        watch: async (d) => void watched.push(d.id),
        concurrency: 1,
        signal: new AbortController().signal,
        sleep: async () => void (storedByOther = true),
      },
      new Date(),
    );
    expect(checked).toEqual(["d1"]);
    expect(watched.sort()).toEqual(["d0", "d1"]);
    expect(s).toEqual({ domains: 2, checked: 1, skipped: 1, watchedOnly: 1, failed: 0, busy: 0 });
  });

  it("stops starting domains once its lease is lost, and says why", async () => {
    const c = new AbortController();
    let started = 0;
    const run = recheckAll(
      {
        domains: async () => domains(10),
        checkedSince: async () => new Map(),
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
