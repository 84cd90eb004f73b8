/**
 * Emailing a finished fax's result to its sender, as each person chooses (never, failures only, or
 * every fax). The mail carries only what the server holds in plain; the transmission report, sealed
 * to the sender and the organisation, is downloaded from the fax page it links to.
 */
import { formatDateTime } from "@/lib/dates/format-date-time";
import { explainOutcome } from "@/lib/fax-job-status";
import { formatPhone } from "@/lib/phone";
import type { FaxResultEmail } from "@/lib/schemas/fax";
import type { ActorContext } from "../db/run-in-scope";
import { systemDb } from "../db/system-db";
import { forbidden } from "../errors";
import { portalUrl } from "../http/public-url";
import { deliverMail, queueMail } from "../mail/send-mail";
import { faxResultMail } from "../mail/templates/fax-result";

const NOT_FOR_PLATFORM = "Fax result emails are for people who send faxes from an organisation's portal.";

export async function getFaxResultEmail(ctx: ActorContext): Promise<{ faxResultEmail: FaxResultEmail }> {
  if (!ctx.actor.tenantId) throw forbidden(NOT_FOR_PLATFORM);
  const user = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.actor.id }, select: { faxResultEmail: true } });
  return { faxResultEmail: user.faxResultEmail as FaxResultEmail };
}

export async function setFaxResultEmail(ctx: ActorContext, faxResultEmail: FaxResultEmail) {
  if (!ctx.actor.tenantId) throw forbidden(NOT_FOR_PLATFORM);
  await ctx.db.user.update({ where: { id: ctx.actor.id }, data: { faxResultEmail } });
  return { faxResultEmail };
}

/**
 * Called by the send job once the fax has ended: queues the mail if the sender asked for it, in the
 * transaction that marks the fax mailed, so a re-run after a crash never mails twice. A re-run that
 * finds the mail still queued (the server died between that commit and the sending) sends it then.
 * System work.
 */
export async function mailFaxResult(faxJobId: string): Promise<"mailed" | "not asked" | "already"> {
  const queued = await queueFaxResultMail(faxJobId);
  if (queued === "already" || queued === "not asked") return queued;
  await deliverMail(queued.mailId);
  return "mailed";
}

/** The first half of mailFaxResult: the mail to send now (queued now, or queued earlier and never sent). */
export async function queueFaxResultMail(faxJobId: string): Promise<{ mailId: string } | "not asked" | "already"> {
  return systemDb().$transaction(async (db) => {
    const job = await db.faxJob.findUnique({
      where: { id: faxJobId },
      select: {
        id: true,
        status: true,
        failureReason: true,
        toNumber: true,
        pages: true,
        attemptsMade: true,
        maxRetries: true,
        completedAt: true,
        resultMailedAt: true,
        resultMailId: true,
        tenantId: true,
        user: { select: { email: true, faxResultEmail: true } },
        tenant: {
          select: {
            name: true,
            footerText: true,
            timeZone: true,
            domains: { where: { isPrimary: true }, select: { hostname: true } },
          },
        },
        attempts: { orderBy: { attemptNumber: "desc" }, take: 1, select: { pagesSent: true, totalPages: true } },
      },
    });
    if (!job) return "already" as const;
    if (job.resultMailedAt) {
      const queued = job.resultMailId
        ? await db.mailMessage.findFirst({ where: { id: job.resultMailId, status: "queued" }, select: { id: true } })
        : null;
      return queued ? { mailId: queued.id } : ("already" as const);
    }
    const delivered = job.status === "SENT";
    const wanted =
      job.user?.faxResultEmail === "ALWAYS" || (job.user?.faxResultEmail === "FAILED" && job.status === "FAILED");
    if (!job.user || !wanted || !(delivered || job.status === "FAILED")) return "not asked" as const;
    const outcome = explainOutcome(delivered ? "SENT" : job.failureReason);
    const last = job.attempts[0];
    const mail = faxResultMail(
      { name: job.tenant.name, footerText: job.tenant.footerText },
      {
        delivered,
        to: formatPhone(job.toNumber),
        result: delivered ? "Delivered" : (outcome?.label ?? "Failed"),
        explanation: delivered
          ? "The receiving fax machine confirmed every page."
          : (outcome?.explanation ?? "The fax could not be sent."),
        pages: `${last?.pagesSent ?? 0} of ${last?.totalPages ?? job.pages ?? "?"}`,
        attempts: `${job.attemptsMade} of ${job.maxRetries + 1}`,
        finishedAt: formatDateTime(job.completedAt ?? new Date(), { timeZone: job.tenant.timeZone, locale: "en-US" }),
        faxUrl: `${portalUrl(job.tenant.domains[0]?.hostname ?? null)}/send/${job.id}`,
      },
    );
    const id = await queueMail(db, { tenantId: job.tenantId, to: job.user.email, ...mail });
    await db.faxJob.update({ where: { id: job.id }, data: { resultMailedAt: new Date(), resultMailId: id } });
    return { mailId: id };
  });
}
