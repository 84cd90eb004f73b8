/**
 * Fan-out: an event becomes the runs it starts. An event is stored with one run per function it
 * triggers, in one transaction (a repeated event id is stored and fanned out once); rateLimit
 * drops events over the limit and debounce keeps one waiting run with the last event. The same
 * event ends the step.waitForEvent waits it matches and cancels the runs whose cancelOn it matches.
 */
import type pg from "pg";
import { at } from "@/server/db/raw-query";
import type { IncomingEvent } from "@/server/job/event-route";
import { cancelledEvent } from "@/server/job/run-controls/cancel-run";
import { FUNCTION_FAILED_EVENT, type RegisteredFunction, triggeredBy } from "./function-registry";
import { matches, parseMatch } from "./match-event";
import { endWaitingStep, insertRun, lockKey, notifyRunsDue, releaseRun } from "./run-rows";
import { transaction } from "./store";

export interface FanOut {
  /** Stores events and their runs in `db`'s transaction; returns how many runs it started or woke. */
  storeEvents(db: pg.PoolClient, events: IncomingEvent[], now: Date): Promise<number>;
  /**
   * Starts the runs of events other processes stored (they have no function list to fan out);
   * `more` when a full batch was taken and more may wait.
   */
  fanOutStored(now: Date): Promise<{ runs: number; more: boolean }>;
}

const BATCH = 200;

export function createFanOut(deps: { registry: Map<string, RegisteredFunction>; pool: pg.Pool }): FanOut {
  const { registry, pool } = deps;

  function functionsFor(event: IncomingEvent): { fn: RegisteredFunction; kind: "main" | "failure" }[] {
    if (event.name === FUNCTION_FAILED_EVENT) {
      const target = registry.get(String(event.data.function_id));
      return target?.hasOnFailure ? [{ fn: target, kind: "failure" }] : [];
    }
    return [...registry.values()].filter((f) => triggeredBy(f, event)).map((fn) => ({ fn, kind: "main" }));
  }

  /** Everything one stored event does: the runs it starts, the waits it ends, the runs it cancels. */
  async function fanOut(db: pg.PoolClient, event: IncomingEvent, now: Date): Promise<number> {
    let runs = 0;
    for (const { fn, kind } of functionsFor(event)) {
      if (kind === "main") await startTriggeredRun(db, fn, event, now);
      else await insertRun(db, fn, kind, event, now);
      runs++;
    }
    return runs + (await deliverToWaitingRuns(db, event, now));
  }

  /**
   * Starts the run an event triggers, as rateLimit and debounce allow: over the rate limit the
   * event starts nothing; debounced, it replaces the event of the run still waiting and pushes
   * that run's start back by the period (never past the debounce timeout).
   */
  async function startTriggeredRun(db: pg.PoolClient, fn: RegisteredFunction, event: IncomingEvent, now: Date) {
    if (fn.rateLimit) {
      const key = fn.rateLimit.key ? fn.rateLimit.key(event) : null;
      await lockKey(db, "rate-limit", fn.id, key);
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "JobRun" WHERE "functionId" = $1 AND kind = 'main'
           AND "rateLimitKey" IS NOT DISTINCT FROM $2 AND "createdAt" > $3`,
        [fn.id, key, at(new Date(now.getTime() - fn.rateLimit.periodMs))],
      );
      if (rows[0]!.n >= fn.rateLimit.limit) return;
    }
    if (fn.debounce) {
      const { periodMs, timeoutMs } = fn.debounce;
      const key = fn.debounce.key ? fn.debounce.key(event) : null;
      await lockKey(db, "debounce", fn.id, key);
      const { rows } = await db.query<{ id: string; createdAt: Date }>(
        `SELECT id, "createdAt" FROM "JobRun" WHERE "functionId" = $1 AND kind = 'main'
           AND "debounceKey" IS NOT DISTINCT FROM $2 AND status = 'QUEUED' AND "startedAt" IS NULL FOR UPDATE`,
        [fn.id, key],
      );
      const waiting = rows[0];
      const latest = (from: Date) =>
        new Date(Math.min(now.getTime() + periodMs, timeoutMs === null ? Infinity : from.getTime() + timeoutMs));
      if (waiting) {
        await db.query(`UPDATE "JobRun" SET event = $2, "eventId" = $3, "runAt" = $4, "updatedAt" = $5 WHERE id = $1`, [
          waiting.id,
          JSON.stringify(event),
          event.id,
          at(latest(waiting.createdAt)),
          at(now),
        ]);
        return;
      }
      await insertRun(db, fn, "main", event, now, latest(now));
      return;
    }
    await insertRun(db, fn, "main", event, now);
  }

  /**
   * An arriving event ends the waits (step.waitForEvent) it matches and cancels the runs whose
   * cancelOn it matches. Each run row is locked first, as every worker write about it is.
   * Returns how many runs became due.
   */
  async function deliverToWaitingRuns(db: pg.PoolClient, event: IncomingEvent, now: Date): Promise<number> {
    let woken = 0;
    const { rows: waits } = await db.query<{ runId: string; hashedId: string; waitIf: string | null; event: unknown }>(
      `SELECT s."runId", s."hashedId", s."waitIf", r.event FROM "JobStep" s JOIN "JobRun" r ON r.id = s."runId"
       WHERE s."waitEvent" = $1 AND NOT s.done AND r.status IN ('QUEUED', 'RUNNING', 'SLEEPING')`,
      [event.name],
    );
    for (const wait of waits) {
      const rule = wait.waitIf ? parseMatch(wait.waitIf) : null;
      if (wait.waitIf && !(rule && matches(rule, wait.event, event))) continue;
      if (await endWaitingStep(db, wait, { data: JSON.stringify(event) }, now)) woken++;
    }
    for (const fn of registry.values()) {
      for (const rule of fn.cancelOn) {
        if (rule.event !== event.name) continue;
        const { rows } = await db.query<{ id: string; event: unknown; createdAt: Date }>(
          `SELECT id, event, "createdAt" FROM "JobRun" WHERE "functionId" = $1 AND kind = 'main'
             AND status IN ('QUEUED', 'RUNNING', 'SLEEPING') FOR UPDATE`,
          [fn.id],
        );
        for (const run of rows) {
          if (rule.timeoutMs !== null && run.createdAt.getTime() + rule.timeoutMs < now.getTime()) continue;
          if (rule.match && !matches({ original: rule.match, incoming: rule.match }, run.event, event)) continue;
          await releaseRun(db, run.id, `status = 'CANCELLED', "endedAt" = $2, "updatedAt" = $2`, [at(now)]);
          woken += await storeEvents(
            db,
            [cancelledEvent({ functionId: fn.id, runId: run.id, event: run.event, now })],
            now,
          );
        }
      }
    }
    return woken;
  }

  async function storeEvents(db: pg.PoolClient, events: IncomingEvent[], now: Date): Promise<number> {
    let runs = 0;
    for (const event of events) {
      const inserted = await db.query(
        `INSERT INTO "JobEvent" (id, name, data, ts, "receivedAt", "fannedOutAt") VALUES ($1, $2, $3, $4, $5, $5)
         ON CONFLICT (id) DO NOTHING`,
        [event.id, event.name, JSON.stringify(event.data), at(new Date(event.ts)), at(now)],
      );
      if (inserted.rowCount) runs += await fanOut(db, event, now);
    }
    if (runs) await notifyRunsDue(db);
    return runs;
  }

  async function fanOutStored(now: Date): Promise<{ runs: number; more: boolean }> {
    return transaction(
      pool,
      async (db) => {
        const { rows } = await db.query<{ id: string; name: string; data: Record<string, unknown>; ts: Date }>(
          `SELECT id, name, data, ts FROM "JobEvent" WHERE "fannedOutAt" IS NULL
           ORDER BY "receivedAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        );
        let runs = 0;
        for (const row of rows) {
          const event: IncomingEvent = { id: row.id, name: row.name, data: row.data, ts: row.ts.getTime() };
          runs += await fanOut(db, event, now);
          await db.query(`UPDATE "JobEvent" SET "fannedOutAt" = $2 WHERE id = $1`, [row.id, at(now)]);
        }
        return { runs, more: rows.length === BATCH };
      },
      { durable: false },
    );
  }

  return { storeEvents, fanOutStored };
}
