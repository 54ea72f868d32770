// On PostgreSQL the buckets live in the database, so several app instances serving one
// database share them (issue 11: limits that can't be dodged by picking another instance).
import pg from "pg";
import { RateLimiterPostgres } from "rate-limiter-flexible";
import { afterAll, describe, expect, it } from "vitest";
import { parseSettings } from "@/lib/config/settings";
import { PEER_HEADER, installPeerStamp } from "@/lib/http/peer-address";
import { publicEndpoint } from "@/lib/http/public-endpoint";
import { policyLimits } from "@/lib/http/public-limits";
import { dbConfigFromEnv } from "../config";
import { createLimiter } from "./limiter";

// createLimiter keeps one pg pool per process; forgetting it between the two creations
// gives the second "instance" connections of its own, as a second process would have.
const holder = globalThis as unknown as { __stsLimiterPool?: pg.Pool };
const pools: pg.Pool[] = [];
function asAnotherProcess(): void {
  if (holder.__stsLimiterPool) pools.push(holder.__stsLimiterPool);
  holder.__stsLimiterPool = undefined;
}
afterAll(async () => {
  asAnotherProcess();
  await Promise.all(pools.map((p) => p.end()));
});

const prefix = (base: string) => `${base}_${Date.now().toString(36)}_${process.pid}`;

describe("createLimiter on PostgreSQL", () => {
  it("two limiter instances on one database share a bucket", async () => {
    expect(dbConfigFromEnv().provider).toBe("postgresql");
    const keyPrefix = prefix("shared");
    const a = await createLimiter({ keyPrefix, points: 3, duration: 60 });
    asAnotherProcess();
    const b = await createLimiter({ keyPrefix, points: 3, duration: 60 });
    expect(a).toBeInstanceOf(RateLimiterPostgres);
    expect(b).toBeInstanceOf(RateLimiterPostgres);
    await a.consume("198.51.100.7");
    await b.consume("198.51.100.7");
    await a.consume("198.51.100.7");
    const refused = await b.consume("198.51.100.7").then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toMatchObject({ remainingPoints: 0, consumedPoints: 4 });
    expect(await a.get("198.51.100.8")).toBeNull(); // other sources are untouched
  });

  it("refuses a key over its points from memory, without asking the database again", async () => {
    const keyPrefix = prefix("flood");
    const a = await createLimiter({
      keyPrefix,
      points: 1,
      duration: 60,
      memoryBlockWhenOver: true,
    });
    await a.consume("192.0.2.1");
    await expect(a.consume("192.0.2.1")).rejects.toMatchObject({ remainingPoints: 0 });
    // the table forgets the key (as if its window had ended): this process still refuses it
    // from memory, while another process, asking the table, lets it through
    const db = new pg.Client({ connectionString: dbConfigFromEnv().url });
    await db.connect();
    const gone = await db.query(`DELETE FROM rl_${keyPrefix}`);
    await db.end();
    expect(gone.rowCount).toBe(1);
    await expect(a.consume("192.0.2.1")).rejects.toMatchObject({ remainingPoints: 0 });
    asAnotherProcess();
    const b = await createLimiter({
      keyPrefix,
      points: 1,
      duration: 60,
      memoryBlockWhenOver: true,
    });
    expect((await b.consume("192.0.2.1")).remainingPoints).toBe(0);
  });

  it("two app instances answer one source's fourth policy fetch with 429 between them", async () => {
    installPeerStamp();
    const cfg = {
      ...policyLimits(parseSettings({ STS_POLICY_PER_MINUTE: "3" })),
      name: prefix("policy"),
    };
    const ok = async () => new Response("ok");
    const one = publicEndpoint(cfg, ok);
    await one(fetchFrom("192.0.2.9")); // builds instance one's limiter
    asAnotherProcess();
    const two = publicEndpoint(cfg, ok);
    const got = [];
    for (const endpoint of [two, one, two, one]) {
      const res = await endpoint(fetchFrom("192.0.2.9"));
      got.push(`${res.status} ${res.headers.get("retry-after") ?? "-"}`);
    }
    expect(got).toEqual(["200 -", "200 -", "429 60", "429 60"]);
  });
});

const fetchFrom = (peer: string) =>
  new Request("http://mta-sts.hosted.example/api/mta-sts", {
    headers: { host: "mta-sts.hosted.example", [PEER_HEADER]: peer },
  });
