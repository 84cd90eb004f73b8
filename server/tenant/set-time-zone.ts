/** An organisation admin sets the time zone their portal shows dates in. */
import type { ActorContext } from "../db/run-in-scope";
import { notFound } from "../errors";
import { invalidateHostCache } from "./resolve-tenant";

export async function setTimeZone(opts: { ctx: ActorContext; tenantId: string; timeZone: string }) {
  const { ctx } = opts;
  const tenant = await ctx.db.tenant.findUnique({ where: { id: opts.tenantId }, select: { id: true, timeZone: true } });
  if (!tenant) throw notFound("Organisation");
  await ctx.db.tenant.update({ where: { id: tenant.id }, data: { timeZone: opts.timeZone } });
  ctx.afterCommit(invalidateHostCache); // pages read the zone with the host's brand
  await ctx.audit({
    tenantId: tenant.id,
    action: "tenant.time-zone",
    entityType: "Tenant",
    entityId: tenant.id,
    details: { timeZone: opts.timeZone, previous: tenant.timeZone },
  });
  return { timeZone: opts.timeZone };
}
