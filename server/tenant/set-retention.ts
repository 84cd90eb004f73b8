/** A tenant admin chooses retention days inside the platform's bounds (null → the maximum applies). */
import type { Actor } from "../audit/record-audit";
import { recordAudit } from "../audit/record-audit";
import type { Tx } from "../db/scope";
import { badRequest, notFound } from "../errors";

export async function setRetention(opts: {
  db: Tx;
  actor: Actor;
  tenantId: string;
  retentionDays: number | null;
  ip?: string;
}) {
  const tenant = await opts.db.tenant.findUnique({ where: { id: opts.tenantId } });
  if (!tenant) throw notFound("Tenant");
  const days = opts.retentionDays;
  if (days != null && (days < tenant.retentionMinDays || days > tenant.retentionMaxDays)) {
    throw badRequest(`Retention must be between ${tenant.retentionMinDays} and ${tenant.retentionMaxDays} days.`);
  }
  await opts.db.tenant.update({ where: { id: tenant.id }, data: { retentionDays: days } });
  await recordAudit(opts.db, {
    tenantId: tenant.id,
    actor: opts.actor,
    action: "tenant.retention",
    entityType: "Tenant",
    entityId: tenant.id,
    details: { retentionDays: days },
    ip: opts.ip,
  });
}

export function effectiveRetentionDays(t: { retentionDays: number | null; retentionMaxDays: number }): number {
  return t.retentionDays ?? t.retentionMaxDays;
}
