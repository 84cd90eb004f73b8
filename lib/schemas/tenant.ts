/** Tenant schemas, shared by the admin forms and the tenant router. */
import { z } from "zod";
import { BRAND_NAME_MAX, DOMAINS_MAX, ORGANISATION_NAME_REQUIRED } from "./branding";
import { emailSchema, hostnameSchema, idSchema, listInputSchema, visibleTextSchema } from "./common";
import { countrySchema } from "./country";
import { timeZoneSchema } from "./time-zone";
import { usernameSchema } from "./user";

/** Bounds of the organisation's numbers, for the schema and the form's min/max alike. */
export const DAILY_FAX_LIMIT_MAX = 1_000_000;
export const MONTHLY_FAX_LIMIT_MAX = 30_000_000;
export const RETENTION_DAYS_MIN = 1;
export const RETENTION_DAYS_MAX = 3650;

const days = (label: string) =>
  z
    .number()
    .int("Enter a whole number of days")
    .min(RETENTION_DAYS_MIN, `${label} is at least ${RETENTION_DAYS_MIN} day`)
    .max(RETENTION_DAYS_MAX, `${label} is at most ${RETENTION_DAYS_MAX} days (10 years)`);

const limits = z.object({
  dailyFaxLimit: z.number().int().min(0, "Daily limit cannot be negative").max(DAILY_FAX_LIMIT_MAX),
  monthlyFaxLimit: z.number().int().min(0, "Monthly limit cannot be negative").max(MONTHLY_FAX_LIMIT_MAX),
  retentionMinDays: days("Minimum retention"),
  retentionMaxDays: days("Maximum retention"),
  retentionDays: days("Retention").nullable().default(null),
});

function checkLimits(v: z.infer<typeof limits>, ctx: z.RefinementCtx) {
  if (v.dailyFaxLimit > v.monthlyFaxLimit) {
    ctx.addIssue({ code: "custom", path: ["dailyFaxLimit"], message: "Daily limit cannot exceed the monthly limit" });
  }
  if (v.retentionMinDays > v.retentionMaxDays) {
    ctx.addIssue({
      code: "custom",
      path: ["retentionMinDays"],
      message: "Minimum retention cannot be more than the maximum retention: lower it or raise the maximum",
    });
  }
  // With the bounds crossed, "between 30 and 5 days" would be nonsense: the bounds are fixed first.
  if (
    v.retentionDays != null &&
    v.retentionMinDays <= v.retentionMaxDays &&
    (v.retentionDays < v.retentionMinDays || v.retentionDays > v.retentionMaxDays)
  ) {
    ctx.addIssue({
      code: "custom",
      path: ["retentionDays"],
      message: `Retention must be between ${v.retentionMinDays} and ${v.retentionMaxDays} days`,
    });
  }
}

const tenantFields = z
  .object({
    name: visibleTextSchema.min(2, ORGANISATION_NAME_REQUIRED).max(BRAND_NAME_MAX),
    domains: z
      .array(hostnameSchema)
      .min(1, "Add at least one domain")
      .max(DOMAINS_MAX, `Use at most ${DOMAINS_MAX} domains`),
    /** Left out → "UTC" for a new organisation, unchanged for an existing one. */
    timeZone: timeZoneSchema.optional(),
    /** Where numbers typed without +country are dialled. Left out → "US" when new, else unchanged. */
    defaultCountry: countrySchema.optional(),
    /** Premium-rate and other costly numbers may be faxed (lib/phone.ts). Left out → no when new, else unchanged. */
    allowCostlyNumbers: z.boolean().optional(),
  })
  .extend(limits.shape);

/**
 * The first admin is named here but never given a password: they get a single-use welcome link and
 * choose it themselves, so their browser — not the platform admin's — makes the organisation's key.
 */
const firstAdminFields = z.object({ username: usernameSchema, email: emailSchema });

/** The first admin is required: afterwards only the organisation's own admins add its people (issue 16). */
export const tenantCreateSchema = tenantFields.extend({ admin: firstAdminFields }).superRefine(checkLimits);
export type TenantCreateInput = z.infer<typeof tenantCreateSchema>;

export const tenantUpdateSchema = tenantFields.extend({ id: idSchema, active: z.boolean() }).superRefine(checkLimits);
export type TenantUpdateInput = z.infer<typeof tenantUpdateSchema>;

export const tenantListSchema = listInputSchema;
export const tenantIdSchema = z.object({ id: idSchema });
/** Deleting asks for the organisation's name, on the server too: a stray call cannot delete one. */
export const tenantDeleteSchema = tenantIdSchema.extend({
  confirmName: z.string().max(200, "That is longer than any organisation's name"),
});
export type TenantDeleteInput = z.infer<typeof tenantDeleteSchema>;

/** A tenant admin picks retention inside the bounds the platform set. */
export const retentionChoiceSchema = z.object({ retentionDays: days("Retention").nullable() });
