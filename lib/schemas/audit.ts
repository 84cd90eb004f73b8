/** Audit-log filters, shared by the audit page and the audit router. */
import { z } from "zod";
import { listInputSchema } from "./common";

export const auditListSchema = listInputSchema
  .extend({
    /** e.g. "user." shows every user change */
    action: z.string().trim().max(100).optional(),
    from: z.date().optional(),
    to: z.date().optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    path: ["from"],
    message: "The start date must be before the end date",
  });
export type AuditListInput = z.infer<typeof auditListSchema>;
