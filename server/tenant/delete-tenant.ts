/** Deletes a tenant and everything it owns; its DIDs go back to the platform pool. */

import type { ActorContext } from "../db/run-in-scope";
import { badRequest, notFound } from "../errors";
import { invalidateHostCache } from "./resolve-tenant";

export async function deleteTenant(opts: { ctx: ActorContext; id: string; confirmName: string }) {
  const { ctx } = opts;
  const { db } = ctx;
  const tenant = await db.tenant.findUnique({ where: { id: opts.id } });
  if (!tenant) throw notFound("Organisation");
  // The dialog asks for the name; the server checks it too, so no other path skips the question.
  if (opts.confirmName.trim() !== tenant.name) {
    throw badRequest(`Type the organisation's name, ${tenant.name}, exactly to delete it.`, "confirmName");
  }
  await db.did.updateMany({
    where: { tenantId: opts.id },
    data: { tenantId: null, userId: null, forward: "NONE", forwardEmail: null },
  });
  await db.tenant.delete({ where: { id: opts.id } });
  ctx.afterCommit(invalidateHostCache); // its domains change or vanish
  await ctx.audit({
    tenantId: null,
    action: "tenant.delete",
    entityType: "Tenant",
    entityId: opts.id,
    details: { name: tenant.name },
  });
}
