/** Small zod pieces reused by every schema (forms and procedures share them). */
import { z } from "zod";
import { toE164 } from "../phone";
import "./plain-messages"; // zod's generic refusals in plain words, wherever schemas are used

export const idSchema = z.uuid({ message: "Not a valid id" });

/** Length limits forms show (`maxLength` and a counter) and schemas enforce: one number each. */
export const SEARCH_MAX = 200;
export const EMAIL_MAX = 254;
export const HOSTNAME_MAX = 253;

export const listInputSchema = z.object({
  search: z.string().trim().max(SEARCH_MAX).default(""),
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

/** One hostname rule (tenant domains, SIP hosts): lower-case labels of letters, digits and inner hyphens. */
export const HOSTNAME_PATTERN =
  /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * Whether a browser would take this host for an IP address: IPv6 (colons, brackets), or — as the
 * WHATWG URL parser does — any name whose last label is a number (127.0.0.1, 127.1, 2130706433,
 * 0x7f000001 all mean loopback).
 */
export function isIpLiteral(host: string): boolean {
  const h = host.trim().replace(/\.$/, "");
  if (h.includes(":") || h.startsWith("[")) return true;
  return /^(?:0x[0-9a-f]*|\d+)$/i.test(h.slice(h.lastIndexOf(".") + 1));
}

export const hostnameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter a domain")
  .max(HOSTNAME_MAX)
  .refine((v) => !isIpLiteral(v), { message: "Use a domain name, not an IP address", abort: true })
  .regex(HOSTNAME_PATTERN, { message: "Enter a domain name like fax.example.com (no http://, no port)" });

/**
 * Names, titles and footers are shown to other people. Text-direction overrides (U+202E can make
 * "exe.pdf" read as "fdp.exe"), zero-width and other invisible format or control characters
 * are refused with one plain message.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
export const INVISIBLE_TEXT = "Remove invisible or text-direction control characters";
export const hasNoInvisibleChars = (value: string) => !INVISIBLE.test(value);

/** Trimmed text that other people see: no invisible or direction-changing characters. */
export const visibleTextSchema = z.string().trim().refine(hasNoInvisibleChars, INVISIBLE_TEXT);

export const emailSchema = z.string().trim().toLowerCase().email("Enter a valid email address").max(EMAIL_MAX);
