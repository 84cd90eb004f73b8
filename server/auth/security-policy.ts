/** A tenant's security policy, with the platform defaults for platform admins and new tenants. */
import type { SecurityPolicy } from "@prisma/client";
import type { Tx } from "../db/scope";
import { systemDb } from "../db/system-db";

export type EffectivePolicy = Omit<SecurityPolicy, "id" | "tenantId" | "updatedAt">;

export const PLATFORM_POLICY: EffectivePolicy = {
  minLength: 12,
  minUpper: 1,
  minLower: 1,
  minDigits: 1,
  minSpecial: 0,
  historyCount: 3,
  excludePersonalInfo: true,
  maxAgeDays: null,
  minAgeDays: 0,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  sessionTimeoutMinutes: 60,
  forceChangeOnFirstLogin: true,
};

export async function policyFor(tenantId: string | null, tx?: Tx): Promise<EffectivePolicy> {
  if (!tenantId) return PLATFORM_POLICY;
  const row = await (tx ?? systemDb()).securityPolicy.findUnique({ where: { tenantId } });
  if (!row) return PLATFORM_POLICY;
  const { id: _id, tenantId: _t, updatedAt: _u, ...policy } = row;
  return policy;
}

/** The rules a browser checks a new password against (it needs the password, so only it can). */
export function publicPolicy(policy: EffectivePolicy) {
  const { minLength, minUpper, minLower, minDigits, minSpecial, excludePersonalInfo } = policy;
  return { minLength, minUpper, minLower, minDigits, minSpecial, excludePersonalInfo };
}
