/**
 * When someone starts waiting for access (their own reset, or a password an admin set), the
 * organisation's other admins are mailed once for that event, so nobody has to find them on the
 * Users page by chance. Queued in the caller's transaction: a rolled-back change mails nobody.
 */
import type { ScopedContext } from "../db/run-in-scope";
import { waitingForAccessMail } from "../mail/templates/waiting-for-access";
import { notifyTenantAdmins, personName } from "../user/notify-tenant-admins";

export async function mailWaitingForAccess(opts: {
  ctx: Pick<ScopedContext, "db" | "afterCommit">;
  userId: string;
  setBy?: string;
}) {
  const person = await opts.ctx.db.user.findUniqueOrThrow({ where: { id: opts.userId } });
  if (!person.tenantId) return;
  const why = opts.setBy ? `was given a new password by ${opts.setBy}` : "reset their password with an emailed link";
  await notifyTenantAdmins({
    ctx: opts.ctx,
    tenantId: person.tenantId,
    exceptUserId: person.id,
    mail: (brand, signInUrl) =>
      waitingForAccessMail(brand, {
        person: personName(person),
        why,
        usersUrl: signInUrl.replace(/\/login$/, "/admin/users"),
      }),
  });
}
