import { Pool } from "pg";
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  type RateLimiterAbstract,
  type IRateLimiterOptions,
} from "rate-limiter-flexible";
import { logger } from "@/lib/log";
import { dbConfigFromEnv, type DbConfig } from "../config";

// The one way to build a rate limiter (rate-limiter-flexible). On SQLite the app is one
// process, so the buckets live in memory; on PostgreSQL several instances may serve one
// database, so the buckets live in a table there and are shared.

export interface LimiterOptions {
  /** Names the bucket family (and the PostgreSQL table): letters, digits and '_'. */
  keyPrefix: string;
  /** Points a key may consume per `duration`. */
  points: number;
  /** Window in seconds. */
  duration: number;
  /** Seconds a key stays blocked once it has used up its points (0: none). */
  blockDuration?: number;
  /**
   * On PostgreSQL: once a key is over its points, this process refuses it from memory for
   * the rest of the window instead of asking the database again, so a flood costs no
   * queries. Other processes still count through the table.
   */
  memoryBlockWhenOver?: boolean;
}

const holder = globalThis as unknown as { __stsLimiterPool?: Pool };

function pool(url: string): Pool {
  if (!holder.__stsLimiterPool) {
    const p = new Pool({ connectionString: url, max: 4 });
    // An idle connection the server ends (a restart, a dropped database) must not take the
    // process down: the pool drops it and the next query opens a new one.
    p.on("error", (e) => logger.warn({ err: e }, "rate-limit database connection lost"));
    holder.__stsLimiterPool = p;
  }
  return holder.__stsLimiterPool;
}

/** Resolves once the limiter is usable (on PostgreSQL: its table exists). */
export function createLimiter(
  opts: LimiterOptions,
  config: DbConfig = dbConfigFromEnv(),
): Promise<RateLimiterAbstract> {
  if (!/^[a-z][a-z0-9_]*$/.test(opts.keyPrefix)) {
    throw new Error(
      `limiter keyPrefix must be lower-case letters, digits and _: ${opts.keyPrefix}`,
    );
  }
  const base: IRateLimiterOptions = {
    keyPrefix: opts.keyPrefix,
    points: opts.points,
    duration: opts.duration,
    blockDuration: opts.blockDuration ?? 0,
  };
  if (config.provider === "sqlite") return Promise.resolve(new RateLimiterMemory(base));
  return new Promise((resolve, reject) => {
    const limiter: RateLimiterPostgres = new RateLimiterPostgres(
      {
        ...base,
        ...(opts.memoryBlockWhenOver ? { inMemoryBlockOnConsumed: opts.points + 1 } : {}),
        storeClient: pool(config.url),
        storeType: "pool",
        tableName: `rl_${opts.keyPrefix}`,
      },
      (e?: unknown) =>
        e ? reject(e instanceof Error ? e : new Error(String(e))) : resolve(limiter),
    );
  });
}
