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
import { plainPool } from "@/server/db/plain-pool";
import { embeddedStepTransaction, rollBack } from "./runner/step-transaction";

type StepTools = { run: <T>(id: string, fn: () => Promise<T>) => Promise<unknown> };
export type Transaction = () => Promise<pg.PoolClient>;

/** `step.run(id, …)` whose body's database work commits once per run; see above. */
export async function transactionalStep<T>(
  ctx: { step: StepTools; runId: string },
  id: string,
  body: (transaction: Transaction) => Promise<T>,
): Promise<T> {
  return (await ctx.step.run(id, () => runOnce(ctx.runId, id, body))) as T;
}

async function runOnce<T>(runId: string, stepId: string, body: (transaction: Transaction) => Promise<T>): Promise<T> {
  const embedded = embeddedStepTransaction();
  if (embedded) return body(embedded);

  const pool = plainPool();
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
    await client.query(`INSERT INTO "JobStepOutcome" ("runId", "stepId", result) VALUES ($1, $2, $3::jsonb)`, [
      runId,
      stepId,
      JSON.stringify(result ?? null),
    ]);
    await client.query("COMMIT");
    client.release();
  } catch (error) {
    await rollBack(client);
    throw error;
  }
  return JSON.parse(JSON.stringify(result ?? null)) as T;
}
