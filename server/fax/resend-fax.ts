/** Resend: the same document, title, caller ID and policy to the same or a new number — as a new job. */
import type { FaxResendInput } from "@/lib/schemas/fax";
import type { ActorContext } from "../db/run-in-scope";
import { badRequest, forbidden, notFound } from "../errors";
import { faxJobAccess } from "./find-fax-job";
import { sendFaxes } from "./send-faxes";

export async function resendFax(opts: { ctx: ActorContext; input: FaxResendInput; now?: Date }) {
  const { ctx, input } = opts;
  if (ctx.actor.role === "PLATFORM_ADMIN") throw forbidden("Faxes are sent from an organisation's portal.");
  const job = await ctx.db.faxJob.findFirst({ where: faxJobAccess(ctx, input.id) });
  if (!job) throw notFound("Fax");
  if (!job.documentId) throw badRequest("The document of this fax has been deleted, so it cannot be resent.");
  const { jobIds } = await sendFaxes({
    ctx,
    now: opts.now,
    resentFromId: job.id,
    input: {
      // Same document, same key K: the encrypted title is carried over as it is.
      titleCipher: job.titleCipher ? Buffer.from(job.titleCipher).toString("base64url") : undefined,
      // The cover page is under the same document's pages key: it goes again, as it was.
      coverCipher: job.coverCipher ? Buffer.from(job.coverCipher).toString("base64url") : undefined,
      documentId: job.documentId,
      destinations: [input.toNumber || job.toNumber],
      callerId: job.callerId,
      attempts: job.maxRetries + 1,
      retryMinutes: Math.max(1, Math.round(job.retryIntervalSeconds / 60)),
      quality: job.quality,
      gatewaySealedKey: input.gatewaySealedKey,
    },
  });
  return { jobId: jobIds[0]! };
}
