/**
 * How a run's attempt ends: back in the queue after a backoff (failures are retried up to the
 * function's `retries`), or for good — COMPLETED with its output, or FAILED with its error, when
 * onFailure's run starts. A run that step.invoke started answers the invoking step either way.
 */
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { at } from "@/server/db/raw-query";
import type { IncomingEvent } from "@/server/job/event-route";
import type { Clock } from "./clock";
import { sleepEnd } from "./durations";
import { FUNCTION_FAILED_EVENT, type RegisteredFunction } from "./function-registry";
import { endWaitingStep, invokeWaitEvent, type LeasedRun, releaseRun, withLease } from "./run-rows";
import type { RunRow } from "./store";

export type RunOutcome = { output: unknown } | { error: unknown };

export interface EndRunDeps {
  registry: Map<string, RegisteredFunction>;
  pool: pg.Pool;
  clock: Clock;
  /** Delay before retry number `attempt` (1-based). */
  backoffMs: (attempt: number) => number;
  storeEvents: (db: pg.PoolClient, events: IncomingEvent[], now: Date) => Promise<number>;
}

export type LeasedRunRow = RunRow & LeasedRun;

export type RunEnding = ReturnType<typeof createRunEnding>;

export function createRunEnding(deps: EndRunDeps) {
  const { registry, pool, clock, backoffMs, storeEvents } = deps;

  /** Queues the run's next attempt; `retryAfter` is a time the error asked for (RetryAfterError). */
  async function retryLater(run: LeasedRunRow, error: unknown, retryAfter?: string, stepName?: string) {
    const now = clock.now();
    const attempt = run.attempt + 1;
    const when = retryAfter ? retryTime(retryAfter, now) : new Date(now.getTime() + backoffMs(attempt));
    await withLease(
      pool,
      run,
      (db) =>
        releaseRun(
          db,
          run.id,
          // Cancelled while the failing attempt ran: no retry.
          `status = CASE WHEN "cancelRequestedAt" IS NULL THEN 'QUEUED' ELSE 'CANCELLED' END,
           "endedAt" = CASE WHEN "cancelRequestedAt" IS NULL THEN NULL ELSE $5::timestamp(3) END,
           attempt = $2, "runAt" = $3, error = $4, "errorStep" = $6, "updatedAt" = $5`,
          [attempt, at(when), JSON.stringify(error), at(now), stepName ?? null],
        ),
      { durable: false }, // lost in a database crash: one more attempt, nothing repeats
    );
  }

  async function finish(run: LeasedRunRow, outcome: RunOutcome) {
    const now = clock.now();
    const fn = registry.get(run.functionId)!;
    await withLease(
      pool,
      run,
      async (db) => {
        await answerInvoker(db, run.id, outcome, now);
        if ("output" in outcome) {
          await releaseRun(
            db,
            run.id,
            `status = 'COMPLETED', output = $2, error = NULL, "errorStep" = NULL, "endedAt" = $3, "updatedAt" = $3`,
            [JSON.stringify(outcome.output ?? null), at(now)],
          );
          return;
        }
        await releaseRun(db, run.id, `status = 'FAILED', error = $2, "endedAt" = $3, "updatedAt" = $3`, [
          JSON.stringify(outcome.error),
          at(now),
        ]);
        if (run.kind === "main" && fn.hasOnFailure) {
          const failed: IncomingEvent = {
            id: randomUUID(),
            name: FUNCTION_FAILED_EVENT,
            data: { function_id: fn.id, run_id: run.id, error: outcome.error, event: run.event },
            ts: now.getTime(),
          };
          await storeEvents(db, [failed], now);
        }
      },
      { durable: false },
    ); // lost in a database crash: the run replays its stored steps and ends again
  }

  return { retryLater, finish };
}

/** When the ending run was started by step.invoke, its result ends the invoking step. */
async function answerInvoker(db: pg.PoolClient, childId: string, outcome: RunOutcome, now: Date) {
  const { rows } = await db.query<{ runId: string; hashedId: string }>(
    `SELECT "runId", "hashedId" FROM "JobStep" WHERE "waitEvent" = $1 AND NOT done`,
    [invokeWaitEvent(childId)],
  );
  for (const wait of rows) {
    await endWaitingStep(
      db,
      wait,
      {
        data: "output" in outcome ? JSON.stringify(outcome.output ?? null) : null,
        error: "error" in outcome ? JSON.stringify(outcome.error) : null,
      },
      now,
    );
  }
}

/** RetryAfterError's time: an ISO time, a number of seconds, or a duration. */
function retryTime(retryAfter: string, now: Date): Date {
  const asDate = new Date(retryAfter);
  if (Number.isFinite(asDate.getTime()) && /\d{4}-/.test(retryAfter)) return asDate;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds)) return new Date(now.getTime() + seconds * 1000);
  return sleepEnd(retryAfter, now);
}
