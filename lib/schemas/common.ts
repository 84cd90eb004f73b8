/** Small zod pieces reused by every schema (forms and procedures share them). */
import { z } from "zod";
import { toE164 } from "../phone";

export const idSchema = z.uuid({ message: "Not a valid id" });

export const listInputSchema = z.object({
  search: z.string().trim().max(200).default(""),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(5).max(200).default(20),
});
export type ListInput = z.infer<typeof listInputSchema>;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A phone number in any common notation, normalised to E.164 or refused with a clear message. */
export const e164Schema = z
  .string()
  .trim()
  .min(1, "Enter a phone number")
  .transform((value, ctx) => {
    const e164 = toE164(value);
    if (!e164) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not a valid phone number (use +1 555 010 0100 style)` });
      return z.NEVER;
    }
    return e164;
  });

export const hostnameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter a domain")
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/, {
    message: "Enter a domain name like fax.example.com (no http://, no port)",
  });

export const emailSchema = z.string().trim().toLowerCase().email("Enter a valid email address").max(254);
