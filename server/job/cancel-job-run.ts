/** Cancel, by a platform admin from the Jobs page: the runner's control (cancel-run.ts), audited. */
import { cancelRun } from "@/server/job/run-controls/cancel-run";
import { prismaQuery } from "../db/raw-query";
import type { ActorContext } from "../db/run-in-scope";
import { conflict, notFound } from "../errors";

export async function cancelJobRun(opts: { ctx: ActorContext; id: string; now?: Date }) {
  const { ctx } = opts;
  const result = await cancelRun({ query: prismaQuery(ctx.db), runId: opts.id, now: opts.now ?? new Date() });
  if (result.outcome === "not-found") throw notFound("Run");
  if (result.outcome === "already-ended")
    throw conflict(`This run has already ended (${result.status.toLowerCase()}): there is nothing to cancel.`);
  await ctx.audit({
    tenantId: null,
    action: "job.cancel",
    entityType: "JobRun",
    entityId: opts.id,
    details: { function: result.functionId, whileStepRunning: result.outcome === "cancelling" },
  });
  return { outcome: result.outcome };
}
