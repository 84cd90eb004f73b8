/** Tenant schemas, shared by the admin forms and the tenant router. */
import { z } from "zod";
import { newCredentialsSchema } from "../auth/credentials";
import { emailSchema, hostnameSchema, idSchema, listInputSchema, visibleTextSchema } from "./common";
import { usernameSchema } from "./user";

const limits = z.object({
  dailyFaxLimit: z.number().int().min(0, "Daily limit cannot be negative").max(1_000_000),
  monthlyFaxLimit: z.number().int().min(0, "Monthly limit cannot be negative").max(30_000_000),
  retentionMinDays: z.number().int().min(1, "Minimum retention is at least 1 day").max(3650),
  retentionMaxDays: z.number().int().min(1, "Maximum retention is at least 1 day").max(3650),
  retentionDays: z.number().int().min(1).max(3650).nullable().default(null),
});

function checkLimits(v: z.infer<typeof limits>, ctx: z.RefinementCtx) {
  if (v.dailyFaxLimit > v.monthlyFaxLimit) {
    ctx.addIssue({ code: "custom", path: ["dailyFaxLimit"], message: "Daily limit cannot exceed the monthly limit" });
  }
  if (v.retentionMinDays > v.retentionMaxDays) {
    ctx.addIssue({
      code: "custom",
      path: ["retentionMinDays"],
      message: "Minimum retention cannot exceed the maximum",
    });
  }
  if (v.retentionDays != null && (v.retentionDays < v.retentionMinDays || v.retentionDays > v.retentionMaxDays)) {
    ctx.addIssue({
      code: "custom",
      path: ["retentionDays"],
      message: `Retention must be between ${v.retentionMinDays} and ${v.retentionMaxDays} days`,
    });
  }
}

const tenantFields = z
  .object({
    name: visibleTextSchema.min(2, "Company name is required").max(120),
    domains: z.array(hostnameSchema).min(1, "Add at least one domain").max(10),
  })
  .extend(limits.shape);

const firstAdminFields = z.object({ username: usernameSchema, email: emailSchema });

/** What the form checks (with the password, which stays in the browser)… */
export const tenantCreateFormSchema = tenantFields
  .extend({
    admin: firstAdminFields.extend({ password: z.string().min(1, "Enter or generate a password").max(256) }).optional(),
  })
  .superRefine(checkLimits);
/** …and what the server receives: credentials derived from it. */
export const tenantCreateSchema = tenantFields
  .extend({ admin: firstAdminFields.extend({ credentials: newCredentialsSchema }).optional() })
  .superRefine(checkLimits);
export type TenantCreateInput = z.infer<typeof tenantCreateSchema>;

export const tenantUpdateSchema = tenantFields.extend({ id: idSchema, active: z.boolean() }).superRefine(checkLimits);
export type TenantUpdateInput = z.infer<typeof tenantUpdateSchema>;

export const tenantListSchema = listInputSchema;
export const tenantIdSchema = z.object({ id: idSchema });

/** A tenant admin picks retention inside the bounds the platform set. */
export const retentionChoiceSchema = z.object({ retentionDays: z.number().int().min(1).max(3650).nullable() });
