/**
 * Admin-forced password change: the person (or everyone in a tenant) must choose a new password
 * before doing anything else. Sessions stay open; every request reads the flag and sends them to
 * the change-password page.
 */

import type { ActorContext } from "../db/run-in-scope";
import { notFound } from "../errors";
import { loadUser } from "./get-user";

export async function requirePasswordChange(opts: { ctx: ActorContext; id: string }) {
  const { ctx } = opts;
  const { db } = ctx;
  const user = await loadUser(db, opts.id);
  await db.user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
  await ctx.audit({
    tenantId: user.tenantId,
    action: "user.require-password-change",
    entityType: "User",
    entityId: user.id,
    details: { username: user.username },
  });
}

/** Everyone in the tenant but the admin asking (who would otherwise lock themselves mid-task). */
export async function requirePasswordChangeForAll(opts: { ctx: ActorContext; tenantId: string }) {
  const { ctx } = opts;
  const { db, actor } = ctx;
  if (!(await db.tenant.findUnique({ where: { id: opts.tenantId }, select: { id: true } }))) throw notFound("Tenant");
  const { count } = await db.user.updateMany({
    where: { tenantId: opts.tenantId, id: { not: actor.id } },
    data: { mustChangePassword: true },
  });
  await ctx.audit({
    tenantId: opts.tenantId,
    action: "user.require-password-change-all",
    entityType: "Tenant",
    entityId: opts.tenantId,
    details: { users: count },
  });
  return { users: count };
}
