/**
 * Key changes are told to the people they affect: every organisation admin gets a mail when someone
 * is granted access or becomes an admin, so a Grant or a new admin nobody expected is noticed.
 * Queued in the caller's transaction, delivered after it commits (a rolled-back change mails nobody).
 */
import type { ScopedContext } from "../db/run-in-scope";
import { portalUrl } from "../http/public-url";
import { deliverMail, queueMail } from "../mail/send-mail";
import type { MailBrand } from "../mail/templates/layout";

export async function notifyTenantAdmins(opts: {
  ctx: Pick<ScopedContext, "db" | "afterCommit">;
  tenantId: string;
  /** Someone not to mail (the person the news is about, when they are an admin). */
  exceptUserId?: string;
  mail: (brand: MailBrand, signInUrl: string) => { subject: string; text: string; html: string };
}): Promise<string[]> {
  const { db } = opts.ctx;
  const tenant = await db.tenant.findUniqueOrThrow({
    where: { id: opts.tenantId },
    select: { name: true, footerText: true, domains: { where: { isPrimary: true }, select: { hostname: true } } },
  });
  const admins = await db.user.findMany({
    where: {
      tenantId: opts.tenantId,
      role: "TENANT_ADMIN",
      ...(opts.exceptUserId ? { id: { not: opts.exceptUserId } } : {}),
    },
    select: { email: true },
    orderBy: { username: "asc" },
  });
  const message = opts.mail(
    { name: tenant.name, footerText: tenant.footerText },
    `${portalUrl(tenant.domains[0]?.hostname ?? null)}/login`,
  );
  const ids: string[] = [];
  for (const admin of admins) ids.push(await queueMail(db, { tenantId: opts.tenantId, to: admin.email, ...message }));
  opts.ctx.afterCommit(async () => {
    for (const id of ids) await deliverMail(id);
  });
  return admins.map((a) => a.email);
}

/** A person as the mails name them: "Ann Smith (ann)" or the username. */
export function personName(p: { username: string; firstName?: string | null; lastName?: string | null }): string {
  const full = `${p.firstName ?? ""} ${p.lastName ?? ""}`.trim();
  return full ? `${full} (${p.username})` : p.username;
}
