/**
 * Saves a tenant's security policy. Sign-in (lockout), password changes and session timeouts read
 * it on every use, so a change applies from the next attempt without restarting anything.
 */
import type { SecurityPolicyFields } from "@/lib/schemas/security-policy";
import type { Actor } from "../audit/record-audit";
import { recordAudit } from "../audit/record-audit";
import { policyFor } from "../auth/security-policy";
import { notFound } from "../db/errors";
import type { Tx } from "../db/scope";

export async function updateSecurityPolicy(opts: {
  db: Tx;
  actor: Actor;
  tenantId: string;
  input: SecurityPolicyFields;
  ip?: string;
}) {
  const { db, tenantId, input } = opts;
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true } });
  if (!tenant) throw notFound("Tenant");
  const before = await policyFor(tenantId, db);
  const policy = await db.securityPolicy.upsert({ where: { tenantId }, update: input, create: { tenantId, ...input } });
  // Only what changed, as [before, after], so the audit log reads as a diff.
  const changes = Object.fromEntries(
    (Object.keys(input) as (keyof SecurityPolicyFields)[])
      .filter((k) => before[k] !== input[k])
      .map((k) => [k, [before[k], input[k]]]),
  );
  await recordAudit(db, {
    tenantId,
    actor: opts.actor,
    action: "security-policy.update",
    entityType: "SecurityPolicy",
    entityId: policy.id,
    details: { changes },
    ip: opts.ip,
  });
  return policy;
}
