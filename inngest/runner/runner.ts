/**
 * The embedded job runner: runs the app's Inngest function objects in-process, with every bit of
 * state in PostgreSQL, so `npm start` needs no Inngest server.
 *
 * - An event is stored with one run per function it triggers, in one transaction.
 * - Workers claim due runs with `FOR UPDATE SKIP LOCKED` and hold them by a lease (token + expiry).
 *   A worker that dies stops renewing its lease; once it expires another worker takes the run.
 *   Every write about a run checks the lease token, so a worker that lost its lease cannot record
 *   a result: a completed step is stored once and never runs again.
 * - A sleep's end is stored when the sleep is first reached, so it ends at that time after restarts.
 * - Failures are retried with backoff up to the function's `retries`; then onFailure runs.
 * - Cron ticks are rows keyed by (function, scheduled time): each fires once across all workers.
 * - concurrency (optionally per key) counts runs holding a lease; throttle counts run starts;
 *   rateLimit drops events over the limit; debounce keeps one waiting run with the last event.
 * - step.waitForEvent and cancelOn match arriving events (`match` only); step.invoke starts the
 *   target function's run and resumes with its result.
 * - A cancelled run sends `inngest/function.cancelled` when it is cancelled (cancel-run.ts, cancelOn),
 *   so the function's own handler can end its rows; a trigger's `if` may test `event.<path> == 'text'`.
 * - Refused at start-up (function-registry.ts): batchEvents, idempotency, priority, timeouts,
 *   singleton, other trigger/cancel `if` expressions, wildcard events, non-UTC crons.
 * Time comes only from the clock, so tests move it.
 */
import { randomUUID } from "node:crypto";
import type { InngestFunction } from "inngest";
import { errors } from "inngest/internals";
import { StepOpCode } from "inngest/types";
import type pg from "pg";
import { at } from "@/server/db/raw-query";
import { embeddedClientOptions, holdEvents, type IncomingEvent, installEventSink } from "@/server/job/event-route";
import { cancelledEvent } from "@/server/job/run-controls/cancel-run";
import { type Clock, systemClock } from "./clock";
import { driveFunction, type EngineResult, type MemoizedStep } from "./drive-function";
import { sleepEnd } from "./durations";
import { FUNCTION_FAILED_EVENT, type RegisteredFunction, registerFunctions, triggeredBy } from "./function-registry";
import { matches, parseMatch } from "./match-event";
import { rollBack, withStepScope } from "./step-transaction";
import { createPool, type RunRow, type StepRow, transaction } from "./store";

export interface RunnerOptions {
  functions: readonly InngestFunction.Any[];
  databaseUrl: string;
  clock?: Clock;
  /** Names this worker in leases (several may share one database). */
  workerId?: string;
  leaseMs?: number;
  /** How often the background loop looks for due work (events wake it at once). */
  pollMs?: number;
  /** Runs one worker executes at the same time. */
  parallelRuns?: number;
  /** Delay before retry number `attempt` (1-based). */
  backoffMs?: (attempt: number) => number;
}

export interface Runner {
  readonly workerId: string;
  /** Stores events and starts the runs they trigger (what `inngest.send` does through the client). */
  send(events: IncomingEvent | IncomingEvent[]): Promise<void>;
  /** Does all work due at the clock's current time until none is left; returns how many runs it took. */
  drain(): Promise<number>;
  /** Starts the background loop. */
  start(): void;
  /** Stops the loop and waits for work in hand; with `abandon`, walks away from it like a crash. */
  stop(opts?: { abandon?: boolean }): Promise<void>;
  readonly pool: pg.Pool;
}

const CHANNEL = "faxport_jobs";
/** A notification with this payload says runs are due; any other, that stored events await fan-out. */
const RUNS_DUE = "runs";
/** The event an invoked function receives (as Inngest names it). */
const FUNCTION_INVOKED_EVENT = "inngest/function.invoked";
/** A step waiting for an invoked run is marked with this and the run's id. */
const INVOKE_WAIT_PREFIX = "invoke:";

/** Inngest-like backoff: grows with each attempt, a little jitter, capped at an hour. */
export function defaultBackoffMs(attempt: number): number {
  const base = Math.min(3_600_000, 1_000 * 2 ** Math.min(attempt + 2, 22));
  return Math.round(base * (0.9 + Math.random() * 0.2));
}

/** A run this worker leased; `fresh` when it had never started before. */
type Claimed = RunRow & { leaseToken: string; fresh?: boolean };

class LeaseLost extends Error {
  constructor() {
    super("lease lost");
  }
}

export function createRunner(options: RunnerOptions): Runner {
  const registry = registerFunctions(options.functions);
  for (const { fn, id } of registry.values()) {
    const clientOptions = (fn as unknown as { client: { options: { fetch?: unknown } } }).client.options;
    if (clientOptions.fetch !== embeddedClientOptions.fetch) {
      throw new Error(
        `The embedded job runner cannot deliver the events of function "${id}": create its Inngest client with embeddedClientOptions.`,
      );
    }
  }
  const clock = options.clock ?? systemClock;
  const workerId = options.workerId ?? `worker-${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? 30_000;
  const pollMs = options.pollMs ?? 1_000;
  const parallelRuns = options.parallelRuns ?? 4;
  const backoffMs = options.backoffMs ?? defaultBackoffMs;
  const pool = createPool(options.databaseUrl, parallelRuns + 3);
  const claimPool = createPool(options.databaseUrl, 1, { durable: false });
  const limits = (f: RegisteredFunction) => !!(f.concurrency || f.throttle);
  const unlimitedIds = [...registry.values()].filter((f) => !limits(f)).map((f) => f.id);
  const limitedIds = [...registry.values()].filter(limits).map((f) => f.id);
  const startedAt = clock.now();

  // ── events ──────────────────────────────────────────────────────────────────────────────────
  function functionsFor(event: IncomingEvent): { fn: RegisteredFunction; kind: "main" | "failure" }[] {
    if (event.name === FUNCTION_FAILED_EVENT) {
      const target = registry.get(String(event.data.function_id));
      return target?.hasOnFailure ? [{ fn: target, kind: "failure" }] : [];
    }
    return [...registry.values()].filter((f) => triggeredBy(f, event)).map((fn) => ({ fn, kind: "main" }));
  }

  async function insertRun(
    db: pg.PoolClient,
    fn: RegisteredFunction,
    kind: "main" | "failure",
    event: IncomingEvent,
    now: Date,
    runAt: Date = now,
  ): Promise<string> {
    const id = randomUUID();
    const main = kind === "main";
    await db.query(
      `INSERT INTO "JobRun" (id, "functionId", kind, status, "eventId", event, "maxAttempts", "runAt",
        "concurrencyKey", "throttleKey", "rateLimitKey", "debounceKey", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, 'QUEUED', $4, $5, $6, $10, $7, $8, $11, $12, $9, $9)`,
      [
        id,
        fn.id,
        kind,
        event.id,
        JSON.stringify(event),
        kind === "failure" ? 2 : fn.maxAttempts,
        main && fn.concurrency?.key ? fn.concurrency.key(event) : null,
        main && fn.throttle?.key ? fn.throttle.key(event) : null,
        at(now),
        at(runAt),
        main && fn.rateLimit?.key ? fn.rateLimit.key(event) : null,
        main && fn.debounce?.key ? fn.debounce.key(event) : null,
      ],
    );
    return id;
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

  /** Stores events (a repeated event id is stored and fanned out once) and their runs. */
  async function storeEvents(db: pg.PoolClient, events: IncomingEvent[], now: Date): Promise<number> {
    let runs = 0;
    for (const event of events) {
      const inserted = await db.query(
        `INSERT INTO "JobEvent" (id, name, data, ts, "receivedAt", "fannedOutAt") VALUES ($1, $2, $3, $4, $5, $5)
         ON CONFLICT (id) DO NOTHING`,
        [event.id, event.name, JSON.stringify(event.data), at(new Date(event.ts)), at(now)],
      );
      if (!inserted.rowCount) continue;
      for (const { fn, kind } of functionsFor(event)) {
        if (kind === "main") await startTriggeredRun(db, fn, event, now);
        else await insertRun(db, fn, kind, event, now);
        runs++;
      }
      runs += await deliverToWaitingRuns(db, event, now);
    }
    if (runs) await db.query(`SELECT pg_notify('${CHANNEL}', '${RUNS_DUE}')`);
    return runs;
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
      await db.query(`SELECT 1 FROM "JobRun" WHERE id = $1 FOR UPDATE`, [wait.runId]);
      const done = await db.query(
        `UPDATE "JobStep" SET done = true, data = $3 WHERE "runId" = $1 AND "hashedId" = $2 AND NOT done`,
        [wait.runId, wait.hashedId, JSON.stringify(event)],
      );
      if (!done.rowCount) continue;
      await db.query(`UPDATE "JobRun" SET "runAt" = $2 WHERE id = $1 AND status = 'SLEEPING'`, [wait.runId, at(now)]);
      woken++;
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
          await release(db, run.id, `status = 'CANCELLED', "endedAt" = $2, "updatedAt" = $2`, [at(now)]);
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

  async function send(input: IncomingEvent | IncomingEvent[]): Promise<void> {
    const events = Array.isArray(input) ? input : [input];
    const runs = await transaction(pool, (db) => storeEvents(db, events, clock.now()));
    if (runs) wake();
  }

  /** Starts the runs of events other processes stored (they have no function list to fan out). */
  async function fanOutStored(): Promise<number> {
    const now = clock.now();
    const runs = await transaction(
      pool,
      async (db) => {
        const { rows } = await db.query<{ id: string; name: string; data: Record<string, unknown>; ts: Date }>(
          `SELECT id, name, data, ts FROM "JobEvent" WHERE "fannedOutAt" IS NULL
         ORDER BY "receivedAt" LIMIT 200 FOR UPDATE SKIP LOCKED`,
        );
        if (rows.length === 200) fanOutDue = true; // more are waiting
        let created = 0;
        for (const row of rows) {
          const event: IncomingEvent = { id: row.id, name: row.name, data: row.data, ts: row.ts.getTime() };
          for (const { fn, kind } of functionsFor(event)) {
            if (kind === "main") await startTriggeredRun(db, fn, event, now);
            else await insertRun(db, fn, kind, event, now);
            created++;
          }
          created += await deliverToWaitingRuns(db, event, now);
          await db.query(`UPDATE "JobEvent" SET "fannedOutAt" = $2 WHERE id = $1`, [row.id, at(now)]);
        }
        return created;
      },
      { durable: false },
    );
    return runs;
  }

  // ── claiming ────────────────────────────────────────────────────────────────────────────────
  /** Takes up to `want` due runs, honouring concurrency and throttle, each with a fresh lease. */
  async function claim(want: number): Promise<Claimed[]> {
    // Each kind goes first every other time, so neither can keep the other waiting.
    limitedFirst = !limitedFirst;
    const order = limitedFirst ? [claimLimited, claimUnlimited] : [claimUnlimited, claimLimited];
    const claimed: Claimed[] = [];
    for (const take of order) if (claimed.length < want) claimed.push(...(await take(want - claimed.length)));
    return claimed;
  }
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

  async function lockKey(db: pg.PoolClient, ...parts: (string | null)[]) {
    await db.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [JSON.stringify(parts)]);
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

  // ── executing ───────────────────────────────────────────────────────────────────────────────
  /** Runs `fn` in a transaction that first checks this worker still holds the run's lease. */
  async function withLease<T>(
    run: { id: string; leaseToken: string },
    fn: (db: pg.PoolClient) => Promise<T>,
    opts: { durable?: boolean } = {},
  ) {
    return transaction(
      pool,
      async (db) => {
        const held = await db.query(
          `SELECT 1 FROM "JobRun" WHERE id = $1 AND "leaseToken" = $2 AND status = 'RUNNING' FOR UPDATE`,
          [run.id, run.leaseToken],
        );
        if (!held.rowCount) throw new LeaseLost();
        return fn(db);
      },
      opts,
    );
  }

  /** Records a step's result in the transaction its body used, then commits both. */
  async function commitWithStep(
    client: pg.PoolClient,
    run: { id: string; leaseToken: string },
    record: (db: pg.PoolClient) => Promise<void>,
  ) {
    try {
      const held = await client.query(
        `SELECT 1 FROM "JobRun" WHERE id = $1 AND "leaseToken" = $2 AND status = 'RUNNING' FOR UPDATE`,
        [run.id, run.leaseToken],
      );
      if (!held.rowCount) throw new LeaseLost();
      await record(client);
      await client.query("COMMIT");
      client.release();
    } catch (error) {
      await rollBack(client);
      throw error;
    }
  }

  /** The run's steps, and whether a person asked to cancel it (one round trip). */
  async function loadSteps(runId: string): Promise<{ steps: StepRow[]; cancelRequested: boolean }> {
    const { rows } = await pool.query<StepRow & { cancelRequestedAt: Date | null }>(
      `SELECT s.*, r."cancelRequestedAt" FROM "JobRun" r LEFT JOIN "JobStep" s ON s."runId" = r.id
       WHERE r.id = $1 ORDER BY s.position`,
      [runId],
    );
    return {
      steps: rows.filter((row) => row.hashedId !== null),
      cancelRequested: rows.some((row) => row.cancelRequestedAt !== null),
    };
  }

  async function saveStep(
    db: pg.PoolClient,
    runId: string,
    step: {
      hashedId: string;
      name: string;
      op: string;
      done: boolean;
      data?: unknown;
      error?: unknown;
      wakeAt?: Date;
      waitEvent?: string;
      waitIf?: string;
      startedAt?: Date;
      attempts?: number;
    },
  ) {
    const now = clock.now();
    await db.query(
      `INSERT INTO "JobStep" ("runId", "hashedId", name, op, done, data, error, "wakeAt", "waitEvent", "waitIf",
         position, "createdAt", "startedAt", attempts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $10, $11,
         (SELECT coalesce(max(position), 0) + 1 FROM "JobStep" WHERE "runId" = $1), $9, $12, $13)
       ON CONFLICT ("runId", "hashedId") DO UPDATE SET done = excluded.done, data = excluded.data,
         error = excluded.error, position = excluded.position
       WHERE NOT "JobStep".done -- a step already ended (a wait an event ended) keeps its result
      `,
      [
        runId,
        step.hashedId,
        step.name,
        step.op,
        step.done,
        step.data === undefined ? null : JSON.stringify(step.data),
        step.error === undefined ? null : JSON.stringify(step.error),
        step.wakeAt ? at(step.wakeAt) : null,
        at(now),
        step.waitEvent ?? null,
        step.waitIf ?? null,
        at(step.startedAt ?? now),
        step.attempts ?? 1,
      ],
    );
  }

  async function release(db: pg.PoolClient, runId: string, set: string, values: unknown[]) {
    await db.query(
      `UPDATE "JobRun" SET ${set}, "leaseToken" = NULL, "leaseOwner" = NULL, "leaseUntil" = NULL WHERE id = $1`,
      [runId, ...values],
    );
  }

  async function retryLater(
    run: RunRow & { leaseToken: string },
    error: unknown,
    retryAfter?: string,
    stepName?: string,
  ) {
    const now = clock.now();
    const attempt = run.attempt + 1;
    const when = retryAfter ? retryTime(retryAfter, now) : new Date(now.getTime() + backoffMs(attempt));
    await withLease(
      run,
      (db) =>
        release(
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

  async function finish(run: RunRow & { leaseToken: string }, outcome: { output: unknown } | { error: unknown }) {
    const now = clock.now();
    const fn = registry.get(run.functionId)!;
    await withLease(
      run,
      async (db) => {
        await answerInvoker(db, run.id, outcome, now);
        if ("output" in outcome) {
          await release(
            db,
            run.id,
            `status = 'COMPLETED', output = $2, error = NULL, "errorStep" = NULL, "endedAt" = $3, "updatedAt" = $3`,
            [JSON.stringify(outcome.output ?? null), at(now)],
          );
          return;
        }
        await release(db, run.id, `status = 'FAILED', error = $2, "endedAt" = $3, "updatedAt" = $3`, [
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

  /** When the ending run was started by step.invoke, its result ends the invoking step. */
  async function answerInvoker(
    db: pg.PoolClient,
    childId: string,
    outcome: { output: unknown } | { error: unknown },
    now: Date,
  ) {
    const { rows } = await db.query<{ runId: string; hashedId: string }>(
      `SELECT "runId", "hashedId" FROM "JobStep" WHERE "waitEvent" = $1 AND NOT done`,
      [`${INVOKE_WAIT_PREFIX}${childId}`],
    );
    for (const wait of rows) {
      await db.query(`SELECT 1 FROM "JobRun" WHERE id = $1 FOR UPDATE`, [wait.runId]);
      await db.query(
        `UPDATE "JobStep" SET done = true, data = $3, error = $4 WHERE "runId" = $1 AND "hashedId" = $2 AND NOT done`,
        [
          wait.runId,
          wait.hashedId,
          "output" in outcome ? JSON.stringify(outcome.output ?? null) : null,
          "error" in outcome ? JSON.stringify(outcome.error) : null,
        ],
      );
      await db.query(`UPDATE "JobRun" SET "runAt" = $2 WHERE id = $1 AND status = 'SLEEPING'`, [wait.runId, at(now)]);
    }
  }

  /** Drives one claimed run until it finishes, sleeps, waits for a retry, or loses its lease. */
  async function execute(run: Claimed): Promise<void> {
    const fn = registry.get(run.functionId)!;
    const heartbeat = setInterval(() => {
      pool
        .query(`UPDATE "JobRun" SET "leaseUntil" = $3 WHERE id = $1 AND "leaseToken" = $2`, [
          run.id,
          run.leaseToken,
          at(new Date(clock.now().getTime() + leaseMs)),
        ])
        .catch(() => {});
    }, leaseMs / 3);
    try {
      let known: StepRow[] | null = run.fresh ? [] : null; // a run never started has no steps yet
      for (;;) {
        const { steps, cancelRequested } = known ? { steps: known, cancelRequested: false } : await loadSteps(run.id);
        known = null;
        const now = clock.now();
        if (cancelRequested) {
          // A person cancelled while a step ran: that step's result is kept, nothing after it runs.
          await withLease(run, (db) =>
            release(db, run.id, `status = 'CANCELLED', "endedAt" = $2, "updatedAt" = $2`, [at(now)]),
          );
          return;
        }
        const waiting = steps.filter((s) => !s.done); // sleeps and waits for events
        const due = waiting.filter((s) => s.wakeAt && s.wakeAt <= now);
        if (due.length) {
          await withLease(run, async (db) => {
            for (const s of due) {
              // A sleep or a wait for an event ends with null; an invoke that timed out, with an error.
              const timedOut = s.op === StepOpCode.InvokeFunction;
              await saveStep(db, run.id, {
                ...s,
                done: true,
                data: timedOut ? undefined : null,
                error: timedOut
                  ? {
                      name: "InngestInvokeTimeoutError",
                      message: "Timed out waiting for the invoked function to finish",
                    }
                  : undefined,
                wakeAt: s.wakeAt ?? undefined,
              });
            }
          });
          continue;
        }
        if (waiting.length) {
          // Read under the run's lock: an event may have ended a wait since the steps were loaded.
          await withLease(
            run,
            (db) =>
              release(
                db,
                run.id,
                `status = CASE WHEN "cancelRequestedAt" IS NULL THEN 'SLEEPING' ELSE 'CANCELLED' END,
                  "endedAt" = CASE WHEN "cancelRequestedAt" IS NULL THEN NULL ELSE $2::timestamp(3) END,
                  "updatedAt" = $2, "runAt" = coalesce(
                  (SELECT min("wakeAt") FROM "JobStep" WHERE "runId" = $1 AND NOT done), $2)`,
                [at(now)],
              ),
            { durable: false }, // a sleep's end itself is stored durably with its step
          );
          return;
        }
        const memo: MemoizedStep[] = steps
          .filter((s) => s.done)
          .map((s) => (s.error != null ? { id: s.hashedId, error: s.error } : { id: s.hashedId, data: s.data }));
        const base = {
          fn: fn.fn,
          kind: run.kind,
          runId: run.id,
          event: run.event,
          attempt: run.attempt,
          maxAttempts: run.maxAttempts,
          steps: memo,
        };
        const drive = (input: typeof base & { requestedStep?: string }) =>
          withStepScope(pool, () => holdEvents(() => driveFunction(input)));
        const began = clock.now();
        const first = await drive(base);
        const next = await handle(
          run,
          first.result.result,
          first.result.events,
          first.client,
          async (stepId) => {
            const beganStep = clock.now();
            const again = await drive({ ...base, requestedStep: stepId });
            return handle(run, again.result.result, again.result.events, again.client, null, beganStep);
          },
          began,
        );
        if (next === "stop") return;
      }
    } catch (error) {
      if (error instanceof LeaseLost) return;
      throw error;
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Records what the engine reported; "continue" means drive the function again. */
  async function handle(
    run: RunRow & { leaseToken: string },
    result: EngineResult,
    events: IncomingEvent[],
    stepClient: pg.PoolClient | null,
    runPlannedStep: ((hashedId: string) => Promise<"continue" | "stop">) | null,
    began: Date,
  ): Promise<"continue" | "stop"> {
    const now = clock.now();
    const succeeded = result.type === "step-ran" && result.step.op !== StepOpCode.StepError;
    // A step body's own transaction commits only with the step's successful result.
    if (stepClient && !succeeded) await rollBack(stepClient);
    switch (result.type) {
      case "step-ran": {
        const step = result.step;
        const name = step.displayName ?? step.name ?? step.id;
        // step.sendEvent runs as a step; its own op name lets the Jobs page tell it apart.
        const op = (step.opts as { type?: string } | undefined)?.type === "step.sendEvent" ? "SendEvent" : "StepRun";
        if (step.op === StepOpCode.StepError) {
          await retryLater(
            run,
            serialize(step.error),
            typeof result.retriable === "string" ? result.retriable : undefined,
            name,
          );
          return "stop";
        }
        const record = async (db: pg.PoolClient) => {
          if (step.op === StepOpCode.StepFailed) {
            await saveStep(db, run.id, {
              hashedId: step.id,
              name,
              op,
              done: true,
              error: serialize(step.error),
              startedAt: began,
              attempts: run.attempt + 1,
            });
          } else {
            await saveStep(db, run.id, {
              hashedId: step.id,
              name,
              op,
              done: true,
              data: step.data ?? null,
              startedAt: began,
              attempts: run.attempt + 1,
            });
          }
          await db.query(`UPDATE "JobRun" SET attempt = 0, "updatedAt" = $2 WHERE id = $1`, [run.id, at(now)]);
          await storeEvents(db, events, now);
        };
        if (stepClient) await commitWithStep(stepClient, run, record);
        else await withLease(run, record);
        run.attempt = 0;
        if (events.length) wake();
        return "continue";
      }
      case "steps-found": {
        for (const step of result.steps) {
          if (step.op === StepOpCode.Sleep) {
            const wakeAt = sleepEnd(String(step.name), now);
            await withLease(run, (db) =>
              saveStep(db, run.id, {
                hashedId: step.id,
                name: step.displayName ?? step.id,
                op: StepOpCode.Sleep,
                done: false,
                wakeAt,
              }),
            );
          } else if (step.op === StepOpCode.WaitForEvent) {
            const opts = (step.opts ?? {}) as { timeout?: string; if?: string };
            if (opts.if && !parseMatch(opts.if)) {
              await finish(run, {
                error: {
                  name: "Error",
                  message: `The embedded job runner can only wait for an event with "match", not the expression "${opts.if}" (step "${step.displayName ?? step.id}").`,
                },
              });
              return "stop";
            }
            await withLease(run, (db) =>
              saveStep(db, run.id, {
                hashedId: step.id,
                name: step.displayName ?? step.id,
                op: StepOpCode.WaitForEvent,
                done: false,
                wakeAt: sleepEnd(String(opts.timeout), now),
                waitEvent: String(step.name),
                waitIf: opts.if,
              }),
            );
          } else if (step.op === StepOpCode.InvokeFunction) {
            const opts = (step.opts ?? {}) as { function_id?: string; payload?: { data?: unknown }; timeout?: string };
            const target = registry.get(String(opts.function_id));
            if (!target) {
              await finish(run, {
                error: {
                  name: "Error",
                  message: `step.invoke: the embedded job runner has no function "${opts.function_id}" (step "${step.displayName ?? step.id}").`,
                },
              });
              return "stop";
            }
            await withLease(run, async (db) => {
              const invoked: IncomingEvent = {
                id: randomUUID(),
                name: FUNCTION_INVOKED_EVENT,
                data: (opts.payload?.data ?? {}) as Record<string, unknown>,
                ts: now.getTime(),
              };
              const childId = await insertRun(db, target, "main", invoked, now);
              await saveStep(db, run.id, {
                hashedId: step.id,
                name: step.displayName ?? step.id,
                op: StepOpCode.InvokeFunction,
                done: false,
                // Without a timeout Inngest waits up to a year.
                wakeAt: opts.timeout ? sleepEnd(opts.timeout, now) : new Date(now.getTime() + 365 * 86_400_000),
                waitEvent: `${INVOKE_WAIT_PREFIX}${childId}`,
              });
              await db.query(`SELECT pg_notify('${CHANNEL}', '${RUNS_DUE}')`);
            });
            wake();
          } else if (step.op === StepOpCode.StepPlanned && runPlannedStep) {
            if ((await runPlannedStep(step.id)) === "stop") return "stop";
          } else {
            await finish(run, {
              error: {
                name: "Error",
                message: `The embedded job runner does not support ${describeOp(step.op)} (step "${step.displayName ?? step.id}").`,
              },
            });
            return "stop";
          }
        }
        return "continue";
      }
      case "function-resolved":
        await finish(run, { output: result.data });
        return "stop";
      case "function-rejected":
        if (result.retriable) {
          await retryLater(
            run,
            serialize(result.error),
            typeof result.retriable === "string" ? result.retriable : undefined,
          );
        } else {
          await finish(run, { error: serialize(result.error) });
        }
        return "stop";
      default:
        await finish(run, {
          error: { name: "Error", message: `Unexpected result from the Inngest SDK: ${result.type}` },
        });
        return "stop";
    }
  }

  // ── cron ────────────────────────────────────────────────────────────────────────────────────
  /** Fires each cron function's latest due tick once (a missed tick during downtime fires once). */
  async function fireCrons(): Promise<number> {
    const now = clock.now();
    let fired = 0;
    for (const fn of registry.values()) {
      for (const { schedule, expression } of fn.crons) {
        const { rows } = await pool.query<{ last: Date | null }>(
          `SELECT max("scheduledAt") AS last FROM "JobCronTick" WHERE "functionId" = $1`,
          [fn.id],
        );
        let cursor = rows[0]?.last ?? new Date(startedAt.getTime() - 1);
        let due: Date | null = null;
        for (let next = schedule.nextAfter(cursor); next <= now; next = schedule.nextAfter(next)) {
          due = next;
          cursor = next;
        }
        if (!due) continue;
        const tick = due;
        const created = await transaction(pool, async (db) => {
          const runId = randomUUID();
          const inserted = await db.query(
            `INSERT INTO "JobCronTick" ("functionId", "scheduledAt", "runId", "createdAt") VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING`,
            [fn.id, at(tick), runId, at(now)],
          );
          if (!inserted.rowCount) return false;
          const event: IncomingEvent = {
            id: `cron-${fn.id}-${tick.toISOString()}`,
            name: "inngest/scheduled.timer",
            data: { cron: expression },
            ts: tick.getTime(),
          };
          await db.query(
            `INSERT INTO "JobEvent" (id, name, data, ts, "receivedAt", "fannedOutAt") VALUES ($1, $2, $3, $4, $5, $5)
             ON CONFLICT DO NOTHING`,
            [event.id, event.name, JSON.stringify(event.data), at(tick), at(now)],
          );
          await insertRun(db, fn, "main", event, now);
          return true;
        });
        if (created) fired++;
      }
    }
    return fired;
  }

  // ── loop ────────────────────────────────────────────────────────────────────────────────────
  const inFlight = new Set<Promise<void>>();
  let running = false;
  let timer: NodeJS.Timeout | null = null;
  let listener: pg.PoolClient | null = null;
  let uninstall: (() => void) | null = null;
  let pumping = false;
  let pumpAgain = false;
  /** Stored events may await fan-out: another process stored them, or the timer asks to look. */
  let fanOutDue = true;

  function wake() {
    if (running) void pump();
  }

  /** Claims what there is room for and runs it; called on a timer, on NOTIFY and after each run. */
  async function pump(): Promise<void> {
    if (pumping) {
      pumpAgain = true;
      return;
    }
    pumping = true;
    try {
      do {
        pumpAgain = false;
        const room = parallelRuns - inFlight.size;
        if (!running || room <= 0) break;
        if (fanOutDue) {
          fanOutDue = false;
          await fanOutStored();
        }
        const runs = await claim(room);
        for (const run of runs) {
          const task = execute(run)
            .catch((error) => console.error(`job run ${run.id} (${run.functionId}) failed in the runner:`, error))
            .finally(() => {
              inFlight.delete(task);
              wake();
            });
          inFlight.add(task);
        }
        if (runs.length === room) pumpAgain = true;
      } while (pumpAgain && running);
    } catch (error) {
      if (running) console.error("job runner:", error);
    } finally {
      pumping = false;
    }
  }

  async function drain(): Promise<number> {
    let total = 0;
    await fireCrons();
    await fanOutStored();
    for (;;) {
      const runs = await claim(parallelRuns);
      if (!runs.length) return total;
      total += runs.length;
      await Promise.all(runs.map(execute));
    }
  }

  function start() {
    if (running) return;
    running = true;
    uninstall = installEventSink({ accept: send });
    const tick = async () => {
      try {
        await fireCrons();
      } catch (error) {
        if (running) console.error("job runner cron:", error);
      }
      fanOutDue = true;
      await pump();
      if (running) timer = setTimeout(tick, pollMs);
    };
    void tick();
    void pool.connect().then(
      async (client) => {
        if (!running) return client.release();
        listener = client;
        client.on("notification", (message) => {
          if (message.payload !== RUNS_DUE) fanOutDue = true;
          wake();
        });
        await client.query(`LISTEN ${CHANNEL}`);
      },
      (error) => console.error("job runner: cannot listen for new work:", error),
    );
  }

  async function stop(opts: { abandon?: boolean } = {}) {
    running = false;
    uninstall?.();
    uninstall = null;
    if (timer) clearTimeout(timer);
    if (!opts.abandon) await Promise.allSettled([...inFlight]);
    if (listener) {
      listener.release(true);
      listener = null;
    }
    await claimPool.end(); // even when abandoning: a dead worker claims nothing more
    if (!opts.abandon) await pool.end();
  }

  return {
    workerId,
    pool,
    send,
    drain: async () => {
      const uninstallForDrain = uninstall ? null : installEventSink({ accept: send });
      try {
        return await drain();
      } finally {
        uninstallForDrain?.();
      }
    },
    start,
    stop,
  };
}

function serialize(error: unknown): unknown {
  if (error && typeof error === "object" && "message" in error && !(error instanceof Error)) return error;
  return errors.serializeError(error);
}

function retryTime(retryAfter: string, now: Date): Date {
  const asDate = new Date(retryAfter);
  if (Number.isFinite(asDate.getTime()) && /\d{4}-/.test(retryAfter)) return asDate;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds)) return new Date(now.getTime() + seconds * 1000);
  return sleepEnd(retryAfter, now);
}

function describeOp(op: string): string {
  switch (op) {
    case StepOpCode.WaitForEvent:
      return "step.waitForEvent";
    case StepOpCode.InvokeFunction:
      return "step.invoke";
    case StepOpCode.AiGateway:
      return "step.ai.infer";
    default:
      return `the step operation "${op}"`;
  }
}
