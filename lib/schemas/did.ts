/** DID (inbound number) schemas, shared by the DID forms and the did router. */
import { z } from "zod";
import { EMAIL_MAX, e164Schema, emailSchema, idSchema, listInputSchema } from "./common";

export const DID_TITLE_MAX = 120;
const titleSchema = z.string().trim().max(DID_TITLE_MAX).default("");
/** null → the platform pool (no tenant). */
const tenantChoiceSchema = idSchema.nullable().default(null);

/**
 * `status` is read from the caller's point of view: for a platform admin "unassigned" means no
 * tenant yet; for a tenant admin it means no user yet. "mine": assigned to the caller.
 */
export const DID_STATUSES = ["all", "unassigned", "assigned", "mine"] as const;
export const didListSchema = listInputSchema.extend({
  tenantId: idSchema.optional(),
  status: z.enum(DID_STATUSES).default("all"),
});
export type DidListInput = z.infer<typeof didListSchema>;

export const didCreateSchema = z.object({ number: e164Schema, title: titleSchema, tenantId: tenantChoiceSchema });
export type DidCreateInput = z.infer<typeof didCreateSchema>;

export const MAX_BULK_ENTRIES = 5000;
export const didBulkCreateSchema = z.object({
  numbers: z.string().trim().min(1, "Enter at least one number").max(200_000, "Paste at most 5000 numbers at a time"),
  title: titleSchema,
  tenantId: tenantChoiceSchema,
});
export type DidBulkCreateInput = z.infer<typeof didBulkCreateSchema>;

export const didUpdateSchema = z.object({ id: idSchema, title: titleSchema, tenantId: tenantChoiceSchema });
export type DidUpdateInput = z.infer<typeof didUpdateSchema>;

export const didIdSchema = z.object({ id: idSchema });

/**
 * Assignment. `tenantId` left out keeps the tenant (tenant admins always leave it out);
 * `userId: null` unassigns the user, left out keeps them (unless the tenant changes).
 */
export const didAssignSchema = z.object({
  id: idSchema,
  tenantId: idSchema.nullable().optional(),
  userId: idSchema.nullable().optional(),
});
export type DidAssignInput = z.infer<typeof didAssignSchema>;

export const DID_FORWARDS = ["NONE", "EMAIL"] as const;
export const DID_FORWARD_LABELS: Record<(typeof DID_FORWARDS)[number], string> = {
  NONE: "No forwarding",
  EMAIL: "Fax to Email",
};

/** Fax to Email needs an address; with "no forwarding" the service drops any address given. */
export const didSetForwardSchema = z
  .object({
    id: idSchema,
    forward: z.enum(DID_FORWARDS, { message: "Choose how incoming faxes are forwarded" }),
    email: z.string().trim().toLowerCase().max(EMAIL_MAX).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.forward === "EMAIL" && !emailSchema.safeParse(v.email).success) {
      ctx.addIssue({ code: "custom", path: ["email"], message: "Enter a valid email address to forward faxes to" });
    }
  });
export type DidSetForwardInput = z.infer<typeof didSetForwardSchema>;

export interface BulkEntry {
  /** 1-based line of the textarea the entry came from. */
  line: number;
  input: string;
}

/** Splits pasted text into entries on newlines, commas and semicolons, remembering each line. */
export function splitBulkNumbers(text: string): BulkEntry[] {
  return text.split(/\r\n|\r|\n/).flatMap((row, i) =>
    row
      .split(/[,;]/)
      .map((part) => part.trim())
      .filter(Boolean)
      .map((input) => ({ line: i + 1, input })),
  );
}
