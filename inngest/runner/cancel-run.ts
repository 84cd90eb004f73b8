/**
 * "Cancel" for a run (the platform admin's Jobs page). A run that is queued, sleeping, waiting for
 * an event or backing off before a retry ends as CANCELLED at once. A run a worker holds right now
 * (its lease has not expired) may be inside a step body, which cannot be stopped half-way: it is
 * marked, the step finishes and its result is recorded, and the worker then ends the run as
 * CANCELLED without running anything after it (runner.ts). Locks the run's row like every worker write.
 */
import { at, type Query } from "./store";

export type CancelOutcome =
  | { outcome: "cancelled" | "cancelling"; functionId: string }
  | { outcome: "not-found" }
  | { outcome: "already-ended"; status: string };

const ENDED = ["COMPLETED", "FAILED", "CANCELLED"];

export async function cancelRun(opts: { query: Query; runId: string; now: Date }): Promise<CancelOutcome> {
  const { query, runId, now } = opts;
  const [run] = await query<{ status: string; leaseUntil: Date | null; functionId: string }>(
    `SELECT status, "leaseUntil", "functionId" FROM "JobRun" WHERE id = $1::uuid FOR UPDATE`,
    [runId],
  );
  if (!run) return { outcome: "not-found" };
  if (ENDED.includes(run.status)) return { outcome: "already-ended", status: run.status };
  const held = run.status === "RUNNING" && run.leaseUntil !== null && run.leaseUntil > now;
  if (held) {
    await query(
      `UPDATE "JobRun" SET "cancelRequestedAt" = coalesce("cancelRequestedAt", $2::timestamp(3)),
         "updatedAt" = $2::timestamp(3) WHERE id = $1::uuid RETURNING id`,
      [runId, at(now)],
    );
    return { outcome: "cancelling", functionId: run.functionId };
  }
  await query(
    `UPDATE "JobRun" SET status = 'CANCELLED', "endedAt" = $2::timestamp(3), "cancelRequestedAt" = $2::timestamp(3),
       "updatedAt" = $2::timestamp(3), "leaseToken" = NULL, "leaseOwner" = NULL, "leaseUntil" = NULL
     WHERE id = $1::uuid RETURNING id`,
    [runId, at(now)],
  );
  return { outcome: "cancelled", functionId: run.functionId };
}
