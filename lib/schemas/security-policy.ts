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

export const securityPolicyFieldsSchema = z.object({
  minLength: between("Minimum length", 6, 128),
  minUpper: between("Upper-case letters", 0, 10),
  minLower: between("Lower-case letters", 0, 10),
  minDigits: between("Digits", 0, 10),
  minSpecial: between("Special characters", 0, 10),
  historyCount: between("Password history", 0, 24),
  excludePersonalInfo: z.boolean(),
  maxAgeDays: between("Password expiry", 1, 3650).nullable(),
  minAgeDays: between("Minimum password age", 0, 365),
  lockoutThreshold: between("Failed attempts before lockout", 1, 20),
  lockoutMinutes: between("Lockout duration", 1, 1440),
  sessionTimeoutMinutes: between("Session timeout", 5, 1440),
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
