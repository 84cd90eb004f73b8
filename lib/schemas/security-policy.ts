/** Security policy schema, shared by the policy form and the security-policy router. */
import { z } from "zod";
import { idSchema } from "./common";

function between(label: string, min: number, max: number) {
  const message = `${label} must be between ${min} and ${max}`;
  return z
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(min, message)
    .max(max, message);
}

/** [min, max] of each number in the policy, for the schema and the form's min/max alike. */
export const SECURITY_POLICY_BOUNDS = {
  minLength: [6, 128],
  minUpper: [0, 10],
  minLower: [0, 10],
  minDigits: [0, 10],
  minSpecial: [0, 10],
  historyCount: [0, 24],
  maxAgeDays: [1, 3650],
  minAgeDays: [0, 365],
  lockoutThreshold: [1, 20],
  lockoutMinutes: [1, 1440],
  sessionTimeoutMinutes: [5, 1440],
} as const satisfies Record<string, readonly [number, number]>;
const b = SECURITY_POLICY_BOUNDS;

export const securityPolicyFieldsSchema = z.object({
  minLength: between("Minimum length", ...b.minLength),
  minUpper: between("Upper-case letters", ...b.minUpper),
  minLower: between("Lower-case letters", ...b.minLower),
  minDigits: between("Digits", ...b.minDigits),
  minSpecial: between("Special characters", ...b.minSpecial),
  historyCount: between("Password history", ...b.historyCount),
  excludePersonalInfo: z.boolean(),
  maxAgeDays: between("Password expiry", ...b.maxAgeDays).nullable(),
  minAgeDays: between("Minimum password age", ...b.minAgeDays),
  lockoutThreshold: between("Failed attempts before lockout", ...b.lockoutThreshold),
  lockoutMinutes: between("Lockout duration", ...b.lockoutMinutes),
  sessionTimeoutMinutes: between("Session timeout", ...b.sessionTimeoutMinutes),
  forceChangeOnFirstLogin: z.boolean(),
});
export type SecurityPolicyFields = z.infer<typeof securityPolicyFieldsSchema>;

export const securityPolicyUpdateSchema = securityPolicyFieldsSchema
  .extend({ tenantId: idSchema.optional() })
  .superRefine((v, ctx) => {
    // A policy nobody can satisfy would lock everyone out of changing their password.
    if (v.minUpper + v.minLower + v.minDigits + v.minSpecial > v.minLength) {
      ctx.addIssue({
        code: "custom",
        path: ["minLength"],
        message: "Upper-case, lower-case, digits and special characters together cannot exceed the minimum length",
      });
    }
    if (v.maxAgeDays != null && v.minAgeDays >= v.maxAgeDays) {
      ctx.addIssue({
        code: "custom",
        path: ["minAgeDays"],
        message: "The minimum password age must be shorter than the expiry",
      });
    }
  });
export type SecurityPolicyUpdateInput = z.infer<typeof securityPolicyUpdateSchema>;

export const securityPolicyTargetSchema = z.object({ tenantId: idSchema.optional() });
