import type { TenantUpdateInput } from "@/lib/schemas/tenant";
import { revokeTenantSessions } from "../auth/sessions";
import type { ActorContext } from "../db/run-in-scope";
import { notFound } from "../errors";
import { invalidateHostCache } from "./resolve-tenant";
import { replaceDomains } from "./tenant-domains";

export async function updateTenant(opts: { ctx: ActorContext; input: TenantUpdateInput }) {
  const { ctx, input } = opts;
  const { db } = ctx;
  const before = await db.tenant.findUnique({ where: { id: input.id } });
  if (!before) throw notFound("Organisation");
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
      timeZone: input.timeZone,
      defaultCountry: input.defaultCountry,
      allowCostlyNumbers: input.allowCostlyNumbers,
    },
  });
  await replaceDomains(db, tenant.id, input.domains, { byPlatformAdmin: true });
  if (before.active && !input.active) await revokeTenantSessions(db, tenant.id);
  ctx.afterCommit(invalidateHostCache); // its domains change or vanish
  await ctx.audit({
    tenantId: tenant.id,
    action: "tenant.update",
    entityType: "Tenant",
    entityId: tenant.id,
    details: {
      name: input.name,
      active: input.active,
      domains: input.domains,
      ...(input.timeZone && input.timeZone !== before.timeZone ? { timeZone: input.timeZone } : {}),
      ...(input.defaultCountry && input.defaultCountry !== before.defaultCountry
        ? { defaultCountry: input.defaultCountry }
        : {}),
      // A permission to run up costs: its change is on the record, either way.
      ...(input.allowCostlyNumbers !== undefined && input.allowCostlyNumbers !== before.allowCostlyNumbers
        ? { allowCostlyNumbers: input.allowCostlyNumbers }
        : {}),
    },
  });
  return tenant;
}
