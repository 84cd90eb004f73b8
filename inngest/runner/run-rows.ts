/**
 * The run and step rows (JobRun, JobStep) as every part of the runner reads and writes them.
 * A worker writes about a run only while it holds the run's lease: `withLease` locks the row and
 * checks the lease token first, so a worker that lost its lease (it stalled, another took over)
 * cannot record anything — a completed step is stored once and never runs again.
 */
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { at } from "@/server/db/raw-query";
import type { IncomingEvent } from "@/server/job/event-route";
import type { RegisteredFunction } from "./function-registry";
import { rollBack } from "./step-transaction";
import { type StepRow, transaction } from "./store";

/** The channel that wakes the workers; cancel-run.ts, retry-run.ts and event-route.ts notify it too. */
export const CHANNEL = "faxport_jobs";
/** A notification with this payload says runs are due; any other, that stored events await fan-out. */
export const RUNS_DUE = "runs";

export async function notifyRunsDue(db: pg.PoolClient): Promise<void> {
  await db.query(`SELECT pg_notify('${CHANNEL}', '${RUNS_DUE}')`);
}

/** What a step row's `op` says it is (the Jobs page reads them; "StepRun" and "SendEvent" come from the SDK adapter). */
export const STEP_OPS = { sleep: "Sleep", wait: "WaitForEvent", invoke: "InvokeFunction" } as const;

/** A step waiting for an invoked run has this `waitEvent`. */
export const invokeWaitEvent = (childRunId: string) => `invoke:${childRunId}`;

/** A run this worker holds, by its lease token. */
export interface LeasedRun {
  id: string;
  leaseToken: string;
}

/** Thrown inside a write when this worker no longer holds the run's lease; the worker leaves the run. */
export class LeaseLost extends Error {
  constructor() {
    super("lease lost");
  }
}

/** A new queued run of `fn` for `event`, with the keys its limits count by. */
export async function insertRun(
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

/** Serializes, until commit, everything that counts runs by these parts (a limit and its key). */
export async function lockKey(db: pg.PoolClient, ...parts: (string | null)[]): Promise<void> {
  await db.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [JSON.stringify(parts)]);
}

/** Runs `fn` in a transaction that first checks this worker still holds the run's lease. */
export async function withLease<T>(
  pool: pg.Pool,
  run: LeasedRun,
  fn: (db: pg.PoolClient) => Promise<T>,
  opts: { durable?: boolean } = {},
): Promise<T> {
  return transaction(
    pool,
    async (db) => {
      await checkLease(db, run);
      return fn(db);
    },
    opts,
  );
}

/** Records a step's result in the transaction its body used (stepTransaction), then commits both. */
export async function commitWithStep(
  client: pg.PoolClient,
  run: LeasedRun,
  record: (db: pg.PoolClient) => Promise<void>,
): Promise<void> {
  try {
    await checkLease(client, run);
    await record(client);
    await client.query("COMMIT");
    client.release();
  } catch (error) {
    await rollBack(client);
    throw error;
  }
}

async function checkLease(db: pg.PoolClient, run: LeasedRun): Promise<void> {
  const held = await db.query(
    `SELECT 1 FROM "JobRun" WHERE id = $1 AND "leaseToken" = $2 AND status = 'RUNNING' FOR UPDATE`,
    [run.id, run.leaseToken],
  );
  if (!held.rowCount) throw new LeaseLost();
}

/** Keeps the lease from expiring while this worker is busy with the run. */
export async function renewLease(pool: pg.Pool, run: LeasedRun, until: Date): Promise<void> {
  await pool.query(`UPDATE "JobRun" SET "leaseUntil" = $3 WHERE id = $1 AND "leaseToken" = $2`, [
    run.id,
    run.leaseToken,
    at(until),
  ]);
}

/** Updates the run (`set` uses $2…) and gives up its lease. */
export async function releaseRun(db: pg.PoolClient, runId: string, set: string, values: unknown[]): Promise<void> {
  await db.query(
    `UPDATE "JobRun" SET ${set}, "leaseToken" = NULL, "leaseOwner" = NULL, "leaseUntil" = NULL WHERE id = $1`,
    [runId, ...values],
  );
}

/** The run's steps, and whether a person asked to cancel it (one round trip). */
export async function loadSteps(pool: pg.Pool, runId: string): Promise<{ steps: StepRow[]; cancelRequested: boolean }> {
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

export interface StepRecord {
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
}

/** Stores a step, or ends one stored as waiting; a step already ended keeps its result. */
export async function saveStep(db: pg.PoolClient, runId: string, step: StepRecord, now: Date): Promise<void> {
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

/** Ends a waiting step (`waitEvent`-style wait or invoke) and makes its run due if it sleeps. */
export async function endWaitingStep(
  db: pg.PoolClient,
  wait: { runId: string; hashedId: string },
  result: { data: string | null; error?: string | null },
  now: Date,
): Promise<boolean> {
  await db.query(`SELECT 1 FROM "JobRun" WHERE id = $1 FOR UPDATE`, [wait.runId]);
  const done = await db.query(
    `UPDATE "JobStep" SET done = true, data = $3, error = $4 WHERE "runId" = $1 AND "hashedId" = $2 AND NOT done`,
    [wait.runId, wait.hashedId, result.data, result.error ?? null],
  );
  if (!done.rowCount) return false;
  await db.query(`UPDATE "JobRun" SET "runAt" = $2 WHERE id = $1 AND status = 'SLEEPING'`, [wait.runId, at(now)]);
  return true;
}
