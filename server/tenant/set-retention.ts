/** A tenant admin chooses retention days inside the platform's bounds (null → the maximum applies). */

import type { ActorContext } from "../db/run-in-scope";
import { badRequest, notFound } from "../errors";

export async function setRetention(opts: { ctx: ActorContext; tenantId: string; retentionDays: number | null }) {
  const { ctx } = opts;
  const { db } = ctx;
  const tenant = await db.tenant.findUnique({ where: { id: opts.tenantId } });
  if (!tenant) throw notFound("Organisation");
  const days = opts.retentionDays;
  if (days != null && (days < tenant.retentionMinDays || days > tenant.retentionMaxDays)) {
    throw badRequest(
      `Retention must be between ${tenant.retentionMinDays} and ${tenant.retentionMaxDays} days.`,
      "retentionDays",
    );
  }
  await db.tenant.update({ where: { id: tenant.id }, data: { retentionDays: days } });
  await ctx.audit({
    tenantId: tenant.id,
    action: "tenant.retention",
    entityType: "Tenant",
    entityId: tenant.id,
    details: { retentionDays: days },
  });
}

export function effectiveRetentionDays(t: { retentionDays: number | null; retentionMaxDays: number }): number {
  return t.retentionDays ?? t.retentionMaxDays;
}
