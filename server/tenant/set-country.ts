/** An organisation admin sets the country fax numbers typed without +country are read in. */
import type { ActorContext } from "../db/run-in-scope";
import { notFound } from "../errors";

export async function setCountry(opts: { ctx: ActorContext; tenantId: string; country: string }) {
  const { ctx } = opts;
  const tenant = await ctx.db.tenant.findUnique({
    where: { id: opts.tenantId },
    select: { id: true, defaultCountry: true },
  });
  if (!tenant) throw notFound("Organisation");
  await ctx.db.tenant.update({ where: { id: tenant.id }, data: { defaultCountry: opts.country } });
  await ctx.audit({
    tenantId: tenant.id,
    action: "tenant.country",
    entityType: "Tenant",
    entityId: tenant.id,
    details: { country: opts.country, previous: tenant.defaultCountry },
  });
  return { country: opts.country };
}
