/**
 * Admin-forced password change: the person (or everyone in a tenant) must choose a new password
 * before doing anything else. Sessions stay open; every request reads the flag and sends them to
 * the change-password page.
 */
import { recordAudit } from "../audit/record-audit";
import { notFound } from "../db/errors";
import type { Tx } from "../db/scope";
import { loadUser } from "./get-user";
import type { UserAdmin } from "./user-fields";

export async function requirePasswordChange(opts: { db: Tx; admin: UserAdmin; id: string; ip?: string }) {
  const user = await loadUser(opts.db, opts.id);
  await opts.db.user.update({ where: { id: user.id }, data: { mustChangePassword: true } });
  await recordAudit(opts.db, {
    tenantId: user.tenantId,
    actor: opts.admin,
    action: "user.require-password-change",
    entityType: "User",
    entityId: user.id,
    details: { username: user.username },
    ip: opts.ip,
  });
}

/** Everyone in the tenant but the admin asking (who would otherwise lock themselves mid-task). */
export async function requirePasswordChangeForAll(opts: { db: Tx; admin: UserAdmin; tenantId: string; ip?: string }) {
  if (!(await opts.db.tenant.findUnique({ where: { id: opts.tenantId }, select: { id: true } })))
    throw notFound("Tenant");
  const { count } = await opts.db.user.updateMany({
    where: { tenantId: opts.tenantId, id: { not: opts.admin.id } },
    data: { mustChangePassword: true },
  });
  await recordAudit(opts.db, {
    tenantId: opts.tenantId,
    actor: opts.admin,
    action: "user.require-password-change-all",
    entityType: "Tenant",
    entityId: opts.tenantId,
    details: { users: count },
    ip: opts.ip,
  });
  return { users: count };
}
