/**
 * DID audit rows land in the tenant that owns the number; when a number moves between tenants
 * the previous owner gets a row too, so neither tenant's log has a gap.
 */
import type { Prisma } from "@prisma/client";
import type { Actor } from "../audit/record-audit";
import { recordAudit } from "../audit/record-audit";
import type { Tx } from "../db/scope";

export async function auditDid(
  db: Tx,
  entry: {
    actor: Actor;
    ip?: string;
    action: string;
    did: { id: string; number: string; tenantId: string | null };
    previousTenantId?: string | null;
    details?: Prisma.InputJsonObject;
  },
): Promise<void> {
  const details = { number: entry.did.number, ...entry.details };
  const base = {
    actor: entry.actor,
    action: entry.action,
    entityType: "Did",
    entityId: entry.did.id,
    details,
    ip: entry.ip,
  };
  await recordAudit(db, { ...base, tenantId: entry.did.tenantId });
  const previous = entry.previousTenantId;
  if (previous && previous !== entry.did.tenantId) await recordAudit(db, { ...base, tenantId: previous });
}
