/**
 * A step whose database work must count once, on either runner. The body gets `transaction()`, one
 * PostgreSQL transaction that commits only when the body returns:
 * - embedded runner: it is the runner's step transaction, committed with the step's recorded result;
 * - Inngest server: Inngest, not our database, keeps the step's result, and may ask for the same step
 *   again after the work committed (its answer was lost, the process died before answering). So the
 *   transaction also writes the result under (run id, step id) in JobStepOutcome, and a step asked
 *   for again returns that row without running its body: nothing is recorded, dialled or mailed twice.
 * A body that throws rolls its transaction back and leaves no row, so a retry runs it afresh.
 * Results are stored as JSON (Inngest stores them so too): ids and statuses only, never content or keys.
 */
import type pg from "pg";
import { at } from "@/server/db/raw-query";
import { embeddedStepTransaction, rollBack } from "./runner/step-transaction";
import { createPool } from "./runner/store";

type StepTools = { run: <T>(id: string, fn: () => Promise<T>) => Promise<unknown> };
export type Transaction = () => Promise<pg.PoolClient>;

/** `step.run(id, …)` whose body's database work commits once per run; see above. The id must be unique in the run. */
export async function transactionalStep<T>(
  ctx: { step: StepTools; runId: string },
  id: string,
  body: (transaction: Transaction) => Promise<T>,
): Promise<T> {
  return (await ctx.step.run(id, () => runOnce(ctx.runId, id, body))) as T;
}

// The runner's kind of pool (UTC times, as the step bodies expect), one per process and database.
const shared = globalThis as unknown as { faxportStepPool?: { url: string; pool: pg.Pool } };
function stepPool(): pg.Pool {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  if (shared.faxportStepPool?.url !== url) shared.faxportStepPool = { url, pool: createPool(url) };
  return shared.faxportStepPool.pool;
}

async function runOnce<T>(runId: string, stepId: string, body: (transaction: Transaction) => Promise<T>): Promise<T> {
  const embedded = embeddedStepTransaction();
  if (embedded) return body(embedded);

  const pool = stepPool();
  const earlier = await pool.query<{ result: T }>(
    `SELECT result FROM "JobStepOutcome" WHERE "runId" = $1 AND "stepId" = $2`,
    [runId, stepId],
  );
  if (earlier.rows[0]) return earlier.rows[0].result;

  let opened: Promise<pg.PoolClient> | null = null;
  const transaction: Transaction = () => {
    opened ??= pool.connect().then(async (client) => {
      await client.query("BEGIN");
      return client;
    });
    return opened;
  };
  let result: T;
  try {
    result = await body(transaction);
  } catch (error) {
    if (opened) await rollBack(await opened);
    throw error;
  }
  const client = await transaction();
  try {
    // Two copies of one step racing: the second fails here, rolls back, and its retry finds the row.
    await client.query(
      `INSERT INTO "JobStepOutcome" ("runId", "stepId", result, "createdAt")
       VALUES ($1, $2, $3::jsonb, now() AT TIME ZONE 'UTC')`,
      [runId, stepId, JSON.stringify(result ?? null)],
    );
    await client.query("COMMIT");
    client.release();
  } catch (error) {
    await rollBack(client);
    throw error;
  }
  return JSON.parse(JSON.stringify(result ?? null)) as T;
}

/** How long a step's stored outcome is kept: Inngest holds the result once it has the answer, within hours. */
export const STEP_OUTCOMES_KEPT_DAYS = 30;

/** Deletes stored outcomes older than that (the daily clean-up, prune-auth-records). */
export async function forgetOldStepOutcomes(now = new Date()): Promise<{ stepOutcomes: number }> {
  const before = new Date(now.getTime() - STEP_OUTCOMES_KEPT_DAYS * 86_400_000);
  const { rowCount } = await stepPool().query(`DELETE FROM "JobStepOutcome" WHERE "createdAt" < $1`, [at(before)]);
  return { stepOutcomes: rowCount ?? 0 };
}
