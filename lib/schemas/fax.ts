/** Outbound fax schemas, shared by the Send Fax page and the fax router. */
import { z } from "zod";
import { idSchema, listInputSchema, visibleTextSchema } from "./common";

export const FAX_QUALITIES = ["STANDARD", "FINE", "SUPERFINE"] as const;
export const FAX_QUALITY_LABELS: Record<(typeof FAX_QUALITIES)[number], string> = {
  STANDARD: "Standard (204×98 dpi)",
  FINE: "Fine (204×196 dpi)",
  SUPERFINE: "Super fine (204×392 dpi)",
};

/** The default retry policy (FEATURES.md #36): 4 attempts, 5 minutes apart. */
export const DEFAULT_ATTEMPTS = 4;
export const DEFAULT_RETRY_MINUTES = 5;
export const MAX_DESTINATIONS = 100;

/**
 * Destinations are taken as typed (the server reads them in the tenant's default country), so one
 * bad number can be named in the refusal rather than failing the whole form at the schema.
 */
const destinationSchema = z
  .string()
  .trim()
  .min(1, "Enter a fax number")
  .max(40, "A fax number is at most 40 characters");

/** The title as typed on New fax (checked in the browser: the server only ever gets it encrypted). */
export const FAX_TITLE_MAX = 200;
export const faxTitleSchema = visibleTextSchema.max(FAX_TITLE_MAX, `Title is at most ${FAX_TITLE_MAX} characters`);

/** An encrypted cover page, base64url: a page of text is a few kilobytes. */
const COVER_CIPHER_MAX = 64_000;

export const faxSendSchema = z.object({
  /**
   * The title (or, when none was typed, the document's name) encrypted by the browser under the
   * document's key (encryptFaxTitle, base64url). Left out: the fax has no title.
   */
  titleCipher: z.string().trim().max(1_200, "The title is too long").optional(),
  /**
   * A cover page (lib/fax-cover-page.ts) the browser made and encrypted under the document's pages key,
   * base64url; the send job puts it before the document's pages. Left out: no cover page.
   */
  coverCipher: z.string().trim().max(COVER_CIPHER_MAX, "The cover page is too long").optional(),
  documentId: z.uuid({
    error: (issue) => (issue.input === "" || issue.input === undefined ? "Choose a document to fax" : "Not a valid id"),
  }),
  destinations: z
    .array(destinationSchema)
    .min(1, "Enter at least one fax number")
    .max(MAX_DESTINATIONS, `Send to at most ${MAX_DESTINATIONS} numbers at a time`),
  /** One of the tenant's DIDs; left out: the sender's own first DID, else the tenant's. */
  callerId: z.string().trim().max(40).nullable().optional(),
  attempts: z.number().int().min(1, "At least 1 attempt").max(10, "At most 10 attempts").default(DEFAULT_ATTEMPTS),
  retryMinutes: z
    .number()
    .int()
    .min(1, "Retry spacing is at least 1 minute")
    .max(1440, "Retry spacing is at most 24 hours")
    .default(DEFAULT_RETRY_MINUTES),
  quality: z.enum(FAX_QUALITIES).default("FINE"),
  /**
   * The send grant (lib/crypto/gateway-grant.ts: the pages key only) the browser sealed to the gateway's
   * current key, for these jobs only. Checked by the service, so the refusal can say what to do.
   */
  gatewaySealedKey: z.string().trim().max(400),
});
export type FaxSendInput = z.infer<typeof faxSendSchema>;

export const FAX_LIST_STATUSES = ["all", "queued", "in-progress", "delivered", "failed", "cancelled"] as const;
export type FaxListStatus = (typeof FAX_LIST_STATUSES)[number];
export const FAX_LIST_STATUS_LABELS: Record<FaxListStatus, string> = {
  all: "All",
  queued: "Waiting to send or retry",
  "in-progress": "In progress",
  delivered: "Delivered",
  failed: "Failed",
  cancelled: "Cancelled",
};

export const faxListSchema = listInputSchema.extend({
  status: z.enum(FAX_LIST_STATUSES).default("all"),
});
export type FaxListInput = z.infer<typeof faxListSchema>;

/** Platform admins' list of every organisation's faxes: optionally one organisation. */
export const faxPlatformListSchema = faxListSchema.extend({ tenantId: idSchema.optional() });
export type FaxPlatformListInput = z.infer<typeof faxPlatformListSchema>;

export const faxIdSchema = z.object({ id: idSchema });

export const faxResendSchema = z.object({
  id: idSchema,
  /** Another number; left out: the same one. */
  toNumber: z.string().trim().max(40).nullable().optional(),
  gatewaySealedKey: z.string().trim().max(400),
});
export type FaxResendInput = z.infer<typeof faxResendSchema>;

/** "Paste a list": numbers separated by new lines, commas or semicolons. */
export function splitDestinations(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Whether the sender is emailed each finished fax's result: never, failures only, or always. */
export const FAX_RESULT_EMAIL = ["NEVER", "FAILED", "ALWAYS"] as const;
export type FaxResultEmail = (typeof FAX_RESULT_EMAIL)[number];
export const faxResultEmailSchema = z.object({
  faxResultEmail: z.enum(FAX_RESULT_EMAIL, "Choose when to be emailed: never, failures only, or every fax"),
});
