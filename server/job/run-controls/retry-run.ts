/**
 * "Retry now" for a run (the platform admin's Jobs page): a failed run starts again from its first
 * unfinished step — the steps it completed keep their results and are not run again, the step
 * that failed runs afresh with all its retries — and a run waiting in retry backoff is due at once.
 * The run's row is locked first, as every worker write about it is, so a worker cannot claim it
 * half-changed; a NOTIFY wakes the workers after commit.
 */
import { at, type Query } from "../../db/raw-query";

export type RetryOutcome =
  | { outcome: "restarted" | "woken"; functionId: string }
  | { outcome: "not-found" }
  | { outcome: "not-retriable"; status: string };

export async function retryRun(opts: { query: Query; runId: string; now: Date }): Promise<RetryOutcome> {
  const { query, runId, now } = opts;
  const [run] = await query<{ status: string; attempt: number; runAt: Date; functionId: string }>(
    `SELECT status, attempt, "runAt", "functionId" FROM "JobRun" WHERE id = $1::uuid FOR UPDATE`,
    [runId],
  );
  if (!run) return { outcome: "not-found" };
  if (run.status === "FAILED") {
    // A step that ended in an error is unfinished: it runs again. Completed steps stay.
    await query(`DELETE FROM "JobStep" WHERE "runId" = $1::uuid AND error IS NOT NULL RETURNING "hashedId"`, [runId]);
    await query(
      `UPDATE "JobRun" SET status = 'QUEUED', attempt = 0, "runAt" = $2::timestamp(3), error = NULL, "errorStep" = NULL,
         output = NULL, "endedAt" = NULL, "cancelRequestedAt" = NULL, "updatedAt" = $2::timestamp(3)
       WHERE id = $1::uuid RETURNING id`,
      [runId, at(now)],
    );
  } else if (run.status === "QUEUED" && run.attempt > 0) {
    await query(
      `UPDATE "JobRun" SET "runAt" = LEAST("runAt", $2::timestamp(3)), "updatedAt" = $2::timestamp(3)
       WHERE id = $1::uuid RETURNING id`,
      [runId, at(now)],
    );
  } else {
    return { outcome: "not-retriable", status: run.status };
  }
  await query(`SELECT 1 AS woken FROM pg_notify('faxport_jobs', 'runs')`, []); // 'runs': work is due, no new events to fan out
  return { outcome: run.status === "FAILED" ? "restarted" : "woken", functionId: run.functionId };
}
