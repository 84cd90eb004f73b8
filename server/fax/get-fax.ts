/** Fax detail: the job and every attempt with its plain explanation. */
import type { ActorContext } from "../db/run-in-scope";
import { myPublicKey } from "../document/document-view";
import { notFound } from "../errors";
import { faxAttemptSelect, faxJobSelect, toFaxAttemptView, toFaxJobView } from "./fax-view";
import { faxJobAccess } from "./find-fax-job";

export async function getFax(opts: { ctx: ActorContext; id: string }) {
  const { ctx } = opts;
  const row = await ctx.db.faxJob.findFirst({
    where: faxJobAccess(ctx, opts.id),
    select: { ...faxJobSelect, attempts: { select: faxAttemptSelect, orderBy: { attemptNumber: "asc" } } },
  });
  if (!row) throw notFound("Fax");
  const { attempts, ...job } = row;
  return {
    ...toFaxJobView(
      job,
      ctx.actor.role === "PLATFORM_ADMIN"
        ? { platform: true }
        : { platform: false, viewer: { ...ctx.actor, publicKey: await myPublicKey(ctx) } },
    ),
    attempts: attempts.map(toFaxAttemptView),
  };
}
