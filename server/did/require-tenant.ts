import type { Tx } from "../db/scope";
import { badRequest } from "../errors";

/** Refuses a tenant id that does not exist (rather than a foreign-key error). */
export async function requireTenant(db: Tx, tenantId: string | null): Promise<void> {
  if (!tenantId) return;
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true } });
  if (!tenant) throw badRequest("That organisation does not exist.", "tenantId");
}
