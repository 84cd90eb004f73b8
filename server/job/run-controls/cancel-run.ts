/**
 * "Cancel" for a run (the platform admin's Jobs page). A run that is queued, sleeping, waiting for
 * an event or backing off before a retry ends as CANCELLED at once. A run a worker holds right now
 * (its lease has not expired) may be inside a step body, which cannot be stopped half-way: it is
 * marked, the step finishes and its result is recorded, and the worker then ends the run as
 * CANCELLED without running anything after it (inngest/runner/runner.ts). Locks the run's row like every worker write.
 *
 * Either way `inngest/function.cancelled` is sent at once, as Inngest does: the runner only stops
 * the run; what "cancelled" means for the rows the run was working on (a fax, a document) is said
 * by the function's own handler of that event (e.g. inngest/functions/send-fax-cancelled.ts).
 */
import { randomUUID } from "node:crypto";
import { at, type Query } from "../../db/raw-query";

export type CancelOutcome =
  | { outcome: "cancelled" | "cancelling"; functionId: string }
  | { outcome: "not-found" }
  | { outcome: "already-ended"; status: string };

/**
 * Sent (as Inngest does) when a run is cancelled — at once, even while a step of it is still
 * running — with `{ function_id, run_id, event }`. Handlers subscribe with `cancelledRunTrigger`
 * (inngest/runner/function-registry.ts).
 */
export const FUNCTION_CANCELLED_EVENT = "inngest/function.cancelled";

const ENDED = ["COMPLETED", "FAILED", "CANCELLED"];

/** The event a cancelled run sends (Inngest's shape: the function, the run and its trigger event). */
export function cancelledEvent(opts: { functionId: string; runId: string; event: unknown; now: Date }) {
  return {
    id: randomUUID(),
    name: FUNCTION_CANCELLED_EVENT,
    data: {
      function_id: opts.functionId,
      run_id: opts.runId,
      event: opts.event,
      error: { name: "Error", message: "function cancelled" },
    },
    ts: opts.now.getTime(),
  };
}

export async function cancelRun(opts: { query: Query; runId: string; now: Date }): Promise<CancelOutcome> {
  const { query, runId, now } = opts;
  const [run] = await query<{
    status: string;
    leaseUntil: Date | null;
    functionId: string;
    kind: string;
    event: unknown;
    cancelRequestedAt: Date | null;
  }>(
    `SELECT status, "leaseUntil", "functionId", kind, event, "cancelRequestedAt" FROM "JobRun"
     WHERE id = $1::uuid FOR UPDATE`,
    [runId],
  );
  if (!run) return { outcome: "not-found" };
  if (ENDED.includes(run.status)) return { outcome: "already-ended", status: run.status };
  // Once per run: a second press on a run still finishing its step sends nothing more.
  if (run.kind === "main" && !run.cancelRequestedAt) {
    const event = cancelledEvent({ functionId: run.functionId, runId, event: run.event, now });
    // Stored like any app event: the runner fans it out (each event once, by id) when woken.
    await query(
      `INSERT INTO "JobEvent" (id, name, data, ts, "receivedAt") VALUES ($1, $2, $3::jsonb, $4::timestamp(3), $4::timestamp(3))
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [event.id, event.name, JSON.stringify(event.data), at(now)],
    );
    await query(`SELECT pg_notify('faxport_jobs', '') IS NULL AS notified`, []);
  }
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
