/**
 * DID audit rows land in the tenant that owns the number; when a number moves between tenants
 * the previous owner gets a row too, so neither tenant's log has a gap.
 */
import type { Prisma } from "@prisma/client";
import type { ScopedContext } from "../db/run-in-scope";

export async function auditDid(
  ctx: ScopedContext,
  entry: {
    action: string;
    did: { id: string; number: string; tenantId: string | null };
    previousTenantId?: string | null;
    details?: Prisma.InputJsonObject;
  },
): Promise<void> {
  const details = { number: entry.did.number, ...entry.details };
  const base = { action: entry.action, entityType: "Did", entityId: entry.did.id, details };
  await ctx.audit({ ...base, tenantId: entry.did.tenantId });
  const previous = entry.previousTenantId;
  if (previous && previous !== entry.did.tenantId) await ctx.audit({ ...base, tenantId: previous });
}
