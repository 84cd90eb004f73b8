/** A tenant's security policy as the policy form edits it (platform defaults until first saved). */
import { policyFor } from "../auth/security-policy";
import type { Tx } from "../db/scope";
import { notFound } from "../errors";

export async function getSecurityPolicy(opts: { db: Tx; tenantId: string }) {
  const tenant = await opts.db.tenant.findUnique({ where: { id: opts.tenantId }, select: { id: true, name: true } });
  if (!tenant) throw notFound("Organisation");
  const policy = await policyFor(tenant.id, opts.db);
  return { tenantId: tenant.id, tenantName: tenant.name, ...policy };
}
