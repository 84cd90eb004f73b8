/**
 * Cancel: a fax that is queued or waiting between attempts ends at once as Cancelled (its run sees
 * that when it wakes and dials no more); one on a call gets a cancel request, which the send job
 * passes to the gateway (it hangs up) and records as Cancelled when the call ends.
 */
import type { ActorContext } from "../db/run-in-scope";
import { conflict, forbidden, notFound } from "../errors";
import { faxJobAccess } from "./find-fax-job";

export async function cancelFax(opts: { ctx: ActorContext; id: string; now?: Date }) {
  const { ctx } = opts;
  const now = opts.now ?? new Date();
  if (ctx.actor.role === "PLATFORM_ADMIN") throw forbidden("Faxes are cancelled from the organisation's portal.");
  const job = await ctx.db.faxJob.findFirst({
    where: faxJobAccess(ctx, opts.id),
    select: { id: true, tenantId: true },
  });
  if (!job) throw notFound("Fax");
  // Row lock: the send job takes the same lock before it dials, so exactly one of the two wins.
  const [locked] = await ctx.db.$queryRaw<{ status: string; cancelRequestedAt: Date | null }[]>`
    SELECT status::text, "cancelRequestedAt" FROM "FaxJob" WHERE id = ${job.id}::uuid FOR UPDATE`;
  const status = locked!.status;
  if (status === "SENT" || status === "FAILED" || status === "CANCELLED") {
    throw conflict("This fax has already finished, so it cannot be cancelled.");
  }
  let result: "cancelled" | "requested";
  if (status === "QUEUED") {
    await ctx.db.faxJob.update({
      where: { id: job.id },
      data: {
        status: "CANCELLED",
        failureReason: "CANCELLED",
        cancelledAt: now,
        completedAt: now,
        callState: null,
        nextAttemptAt: null,
        gatewaySealedKey: null, // the job ends here: forget the document key
      },
    });
    result = "cancelled";
  } else {
    if (!locked!.cancelRequestedAt)
      await ctx.db.faxJob.update({ where: { id: job.id }, data: { cancelRequestedAt: now } });
    result = "requested";
  }
  await ctx.audit({
    tenantId: job.tenantId,
    action: "fax.cancel",
    entityType: "FaxJob",
    entityId: job.id,
    details: { result },
  });
  return { result };
}
