/**
 * Saves a tenant's security policy. Sign-in (lockout), password changes and session timeouts read
 * it on every use, so a change applies from the next attempt without restarting anything.
 */
import type { SecurityPolicyFields } from "@/lib/schemas/security-policy";
import { policyFor } from "../auth/security-policy";
import type { ActorContext } from "../db/run-in-scope";
import { notFound } from "../errors";

export async function updateSecurityPolicy(opts: { ctx: ActorContext; tenantId: string; input: SecurityPolicyFields }) {
  const { ctx, tenantId, input } = opts;
  const { db } = ctx;
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true } });
  if (!tenant) throw notFound("Organisation");
  const before = await policyFor(tenantId, db);
  const policy = await db.securityPolicy.upsert({ where: { tenantId }, update: input, create: { tenantId, ...input } });
  // Only what changed, as [before, after], so the audit log reads as a diff.
  const changes = Object.fromEntries(
    (Object.keys(input) as (keyof SecurityPolicyFields)[])
      .filter((k) => before[k] !== input[k])
      .map((k) => [k, [before[k], input[k]]]),
  );
  await ctx.audit({
    tenantId,
    action: "security-policy.update",
    entityType: "SecurityPolicy",
    entityId: policy.id,
    details: { changes },
  });
  return policy;
}
