import type { TenantUpdateInput } from "@/lib/schemas/tenant";
import type { Actor } from "../audit/record-audit";
import { recordAudit } from "../audit/record-audit";
import { revokeTenantSessions } from "../auth/sessions";
import type { Tx } from "../db/scope";
import { notFound } from "../errors";
import { invalidateHostCache } from "./resolve-tenant";
import { replaceDomains } from "./tenant-domains";

export async function updateTenant(opts: { db: Tx; actor: Actor; input: TenantUpdateInput; ip?: string }) {
  const { db, input } = opts;
  const before = await db.tenant.findUnique({ where: { id: input.id } });
  if (!before) throw notFound("Tenant");
  const tenant = await db.tenant.update({
    where: { id: input.id },
    data: {
      name: input.name,
      active: input.active,
      dailyFaxLimit: input.dailyFaxLimit,
      monthlyFaxLimit: input.monthlyFaxLimit,
      retentionMinDays: input.retentionMinDays,
      retentionMaxDays: input.retentionMaxDays,
      retentionDays: input.retentionDays,
    },
  });
  await replaceDomains(db, tenant.id, input.domains, { byPlatformAdmin: true });
  if (before.active && !input.active) await revokeTenantSessions(db, tenant.id);
  invalidateHostCache();
  await recordAudit(db, {
    tenantId: tenant.id,
    actor: opts.actor,
    action: "tenant.update",
    entityType: "Tenant",
    entityId: tenant.id,
    details: { name: input.name, active: input.active, domains: input.domains },
    ip: opts.ip,
  });
  return tenant;
}
