/**
 * Claiming: a worker takes due runs with `FOR UPDATE SKIP LOCKED` and holds each by a lease
 * (token + expiry). A worker that dies stops renewing its lease; once it expires another worker
 * takes the run. concurrency (optionally per key) counts runs holding a lease; throttle counts
 * run starts.
 */
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { at } from "@/server/db/raw-query";
import type { Clock } from "./clock";
import type { RegisteredFunction } from "./function-registry";
import { lockKey } from "./run-rows";
import { type RunRow, transaction } from "./store";

/** A run this worker leased; `fresh` when it had never started before. */
export type Claimed = RunRow & { leaseToken: string; fresh?: boolean };

export interface ClaimDeps {
  registry: Map<string, RegisteredFunction>;
  pool: pg.Pool;
  /** One connection whose commits do not wait for the disk (see claimUnlimited). */
  claimPool: pg.Pool;
  clock: Clock;
  workerId: string;
  leaseMs: number;
}

/** Returns `claim(want)`: takes up to `want` due runs, honouring concurrency and throttle, each with a fresh lease. */
export function createClaimer(deps: ClaimDeps): (want: number) => Promise<Claimed[]> {
  const { registry, pool, claimPool, clock, workerId, leaseMs } = deps;
  const limits = (f: RegisteredFunction) => !!(f.concurrency || f.throttle);
  const unlimitedIds = [...registry.values()].filter((f) => !limits(f)).map((f) => f.id);
  const limitedIds = [...registry.values()].filter(limits).map((f) => f.id);
  let limitedFirst = false;

  /**
   * Runs of functions without concurrency or throttle need no counting: one statement claims them
   * (the send → first step latency is mostly round trips). Its connection commits without waiting
   * for the disk: a claim lost in a database crash is simply taken again.
   */
  async function claimUnlimited(want: number): Promise<Claimed[]> {
    if (!unlimitedIds.length) return [];
    const now = clock.now();
    const { rows } = await claimPool.query<RunRow & { leaseToken: string }>(
      `UPDATE "JobRun" r SET "leaseToken" = gen_random_uuid(), "leaseOwner" = $2, "leaseUntil" = $3,
         status = 'RUNNING', "startedAt" = coalesce(r."startedAt", $1), "updatedAt" = $1
       FROM (SELECT id, "startedAt" IS NULL AS fresh FROM "JobRun"
         WHERE status IN ('QUEUED', 'RUNNING', 'SLEEPING') AND "runAt" <= $1
           AND ("leaseUntil" IS NULL OR "leaseUntil" <= $1) AND "functionId" = ANY($4)
         ORDER BY "runAt", "createdAt" LIMIT $5 FOR UPDATE SKIP LOCKED) due
       WHERE r.id = due.id RETURNING r.*, due.fresh`,
      [at(now), workerId, at(new Date(now.getTime() + leaseMs)), unlimitedIds, want],
    );
    return rows;
  }

  async function claimLimited(want: number): Promise<Claimed[]> {
    if (!limitedIds.length) return [];
    const now = clock.now();
    return transaction(
      pool,
      async (db) => {
        const { rows } = await db.query<RunRow>(
          `SELECT * FROM "JobRun"
           WHERE status IN ('QUEUED', 'RUNNING', 'SLEEPING') AND "runAt" <= $1
             AND ("leaseUntil" IS NULL OR "leaseUntil" <= $1) AND "functionId" = ANY($2)
           ORDER BY "runAt", "createdAt" LIMIT $3 FOR UPDATE SKIP LOCKED`,
          [at(now), limitedIds, Math.max(want * 4, 16)],
        );
        const claimed: Claimed[] = [];
        for (const run of rows) {
          if (claimed.length >= want) break;
          const fn = registry.get(run.functionId)!;
          if (run.kind === "main" && fn.concurrency && !(await hasConcurrencyRoom(db, fn, run, now))) continue;
          if (run.kind === "main" && fn.throttle && !run.startedAt && !(await passesThrottle(db, fn, run, now)))
            continue;
          const leaseToken = randomUUID();
          await db.query(
            `UPDATE "JobRun" SET "leaseToken" = $2, "leaseOwner" = $3, "leaseUntil" = $4, status = 'RUNNING',
             "startedAt" = coalesce("startedAt", $5), "updatedAt" = $5 WHERE id = $1`,
            [run.id, leaseToken, workerId, at(new Date(now.getTime() + leaseMs)), at(now)],
          );
          claimed.push({ ...run, leaseToken, startedAt: run.startedAt ?? now, fresh: !run.startedAt });
        }
        return claimed;
      },
      { durable: false },
    );
  }

  async function hasConcurrencyRoom(db: pg.PoolClient, fn: RegisteredFunction, run: RunRow, now: Date) {
    await lockKey(db, "concurrency", fn.id, run.concurrencyKey);
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "JobRun" WHERE "functionId" = $1 AND kind = 'main'
         AND "concurrencyKey" IS NOT DISTINCT FROM $2 AND "leaseUntil" > $3 AND status = 'RUNNING'`,
      [fn.id, run.concurrencyKey, at(now)],
    );
    return rows[0]!.n < fn.concurrency!.limit;
  }

  /** At most `limit` runs start per `period`; a run over the limit waits until a slot frees up. */
  async function passesThrottle(db: pg.PoolClient, fn: RegisteredFunction, run: RunRow, now: Date) {
    const { limit, periodMs } = fn.throttle!;
    await lockKey(db, "throttle", fn.id, run.throttleKey);
    const { rows } = await db.query<{ started: Date }>(
      `SELECT "startedAt" AS started FROM "JobRun" WHERE "functionId" = $1 AND kind = 'main'
         AND "throttleKey" IS NOT DISTINCT FROM $2 AND "startedAt" > $3 ORDER BY "startedAt" DESC LIMIT $4`,
      [fn.id, run.throttleKey, at(new Date(now.getTime() - periodMs)), limit],
    );
    if (rows.length < limit) return true;
    const freeAt = new Date(rows[rows.length - 1]!.started.getTime() + periodMs);
    await db.query(`UPDATE "JobRun" SET "runAt" = $2 WHERE id = $1`, [run.id, at(freeAt)]);
    return false;
  }

  return async function claim(want: number): Promise<Claimed[]> {
    // Each kind goes first every other time, so neither can keep the other waiting.
    limitedFirst = !limitedFirst;
    const order = limitedFirst ? [claimLimited, claimUnlimited] : [claimUnlimited, claimLimited];
    const claimed: Claimed[] = [];
    for (const take of order) if (claimed.length < want) claimed.push(...(await take(want - claimed.length)));
    return claimed;
  };
}
