/** Retry now, by a platform admin from the Jobs page: the runner's control (retry-run.ts), audited. */
import { retryRun } from "@/server/job/run-controls/retry-run";
import { prismaQuery } from "../db/raw-query";
import type { ActorContext } from "../db/run-in-scope";
import { conflict, notFound } from "../errors";

const STATE_WORDS: Record<string, string> = {
  QUEUED: "queued",
  RUNNING: "running",
  SLEEPING: "sleeping or waiting",
  COMPLETED: "completed",
  CANCELLED: "cancelled",
};

export async function retryJobRun(opts: { ctx: ActorContext; id: string; now?: Date }) {
  const { ctx } = opts;
  const result = await retryRun({ query: prismaQuery(ctx.db), runId: opts.id, now: opts.now ?? new Date() });
  if (result.outcome === "not-found") throw notFound("Run");
  if (result.outcome === "not-retriable")
    throw conflict(
      `This run is ${STATE_WORDS[result.status] ?? result.status.toLowerCase()}: only a failed run, or one waiting to retry, can be retried now.`,
    );
  await ctx.audit({
    tenantId: null,
    action: "job.retry",
    entityType: "JobRun",
    entityId: opts.id,
    details: { function: result.functionId, restarted: result.outcome === "restarted" },
  });
  return { outcome: result.outcome };
}
