/**
 * An organisation admin sets the confidentiality notice its cover pages carry (empty: the default,
 * lib/fax-cover-page.ts). Boilerplate, not a person's words: stored plain, like the footer.
 */
import type { ActorContext } from "../db/run-in-scope";
import { notFound } from "../errors";

export async function setCoverNotice(opts: { ctx: ActorContext; tenantId: string; notice: string }) {
  const { ctx } = opts;
  const tenant = await ctx.db.tenant.findUnique({ where: { id: opts.tenantId }, select: { id: true } });
  if (!tenant) throw notFound("Organisation");
  const coverPageNotice = opts.notice || null;
  await ctx.db.tenant.update({ where: { id: tenant.id }, data: { coverPageNotice } });
  await ctx.audit({
    tenantId: tenant.id,
    action: "tenant.cover-notice",
    entityType: "Tenant",
    entityId: tenant.id,
    details: { default: coverPageNotice === null },
  });
  return { coverPageNotice };
}
