/**
 * Emails a user a welcome with their username, their portal's address and a single-use link to
 * choose a password — so an admin never has to pass a password on. Sent on demand: the message is
 * queued in the admin's transaction and delivered after it commits (Mail Outbox shows the outcome).
 * Only for an account that has no password yet (invited, link not opened).
 */
import { issueResetToken } from "../auth/password-reset";
import type { ScopedContext } from "../db/run-in-scope";
import { badRequest } from "../errors";
import { portalUrl } from "../http/public-url";
import { deliverMail, queueMail } from "../mail/send-mail";
import { welcomeMail } from "../mail/templates/welcome";
import { loadUser } from "./get-user";

export const WELCOME_LINK_DAYS = 3;

export async function sendWelcome(opts: { ctx: Pick<ScopedContext, "db" | "audit" | "afterCommit">; id: string }) {
  const { db } = opts.ctx;
  const user = await loadUser(db, opts.id);
  if (user.locked) throw badRequest("Unlock this user before sending a welcome email.");
  // A welcome link chooses the password: on an account that has one it would be a reset by someone else.
  if (user.kdfSalt) {
    throw badRequest(
      "This person already has a password, so a welcome email is not sent. If they forgot it, they can use Forgot password on the sign-in page.",
    );
  }
  const tenant = user.tenantId
    ? await db.tenant.findUnique({
        where: { id: user.tenantId },
        select: { name: true, footerText: true, domains: { where: { isPrimary: true }, select: { hostname: true } } },
      })
    : null;
  if (tenant && !tenant.domains[0]) throw badRequest("Give this organisation a domain before sending a welcome email.");
  // The user's own portal from configuration, never the address the admin happens to be using.
  const origin = portalUrl(tenant?.domains[0]?.hostname ?? null);
  const token = await issueResetToken(db, {
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
      setPasswordUrl: `${origin}/welcome?token=${token}`,
      days: WELCOME_LINK_DAYS,
    },
  );
  const id = await queueMail(db, { tenantId: user.tenantId, to: user.email, ...mail });
  await opts.ctx.audit({
    tenantId: user.tenantId,
    action: "user.welcome",
    entityType: "User",
    entityId: user.id,
    details: { username: user.username, to: user.email },
  });
  opts.ctx.afterCommit(() => deliverMail(id));
  return { to: user.email };
}
