/**
 * Emails a user a welcome with their username, their portal's address and a single-use link to
 * choose a password — so an admin never has to pass a password on. Sent on demand.
 */
import { recordAudit } from "../audit/record-audit";
import { issueResetToken } from "../auth/password-reset";
import { badRequest } from "../db/errors";
import type { Tx } from "../db/scope";
import { sendMail } from "../mail/send-mail";
import { welcomeMail } from "../mail/templates/welcome";
import { loadUser } from "./get-user";
import type { UserAdmin } from "./user-fields";

export const WELCOME_LINK_DAYS = 3;

/** The same scheme and port the admin is using, on the user's own portal host. */
export function portalOrigin(requestOrigin: string, host: string | null): string {
  const url = new URL(requestOrigin);
  if (host) url.hostname = host;
  return url.origin;
}

export async function sendWelcome(opts: { db: Tx; admin: UserAdmin; id: string; origin: string; ip?: string }) {
  const user = await loadUser(opts.db, opts.id);
  if (user.locked) throw badRequest("Unlock this user before sending a welcome email.");
  const tenant = user.tenantId
    ? await opts.db.tenant.findUnique({
        where: { id: user.tenantId },
        select: { name: true, footerText: true, domains: { where: { isPrimary: true }, select: { hostname: true } } },
      })
    : null;
  const origin = portalOrigin(opts.origin, tenant ? (tenant.domains[0]?.hostname ?? null) : null);
  const token = await issueResetToken(opts.db, {
    userId: user.id,
    tenantId: user.tenantId,
    minutes: WELCOME_LINK_DAYS * 24 * 60,
  });
  const mail = welcomeMail(
    tenant ? { name: tenant.name, footerText: tenant.footerText } : { name: "Faxport", footerText: null },
    {
      name: user.firstName || user.username,
      username: user.username,
      signInUrl: `${origin}/login`,
      setPasswordUrl: `${origin}/reset-password?token=${token}`,
      days: WELCOME_LINK_DAYS,
    },
  );
  const sent = await sendMail({ tenantId: user.tenantId, to: user.email, ...mail });
  await recordAudit(opts.db, {
    tenantId: user.tenantId,
    actor: opts.admin,
    action: "user.welcome",
    entityType: "User",
    entityId: user.id,
    details: { username: user.username, to: user.email, status: sent.status },
    ip: opts.ip,
  });
  if (sent.status !== "sent")
    throw badRequest(`The welcome email to ${user.email} could not be sent; see Mail Outbox.`);
  return { to: user.email };
}
