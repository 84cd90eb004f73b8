/** Branding schemas and logo rules, shared by the branding form and the branding router. */
import { z } from "zod";
import { hostnameSchema, idSchema, visibleTextSchema } from "./common";

export const LOGO_MAX_BYTES = 256 * 1024;
export const LOGO_MIME_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml"] as const;
export type LogoMimeType = (typeof LOGO_MIME_TYPES)[number];
export const LOGO_TOO_LARGE = "The logo is larger than 256 KB";
export const LOGO_WRONG_TYPE = "The logo must be a PNG, JPEG, GIF, WebP or SVG image";
/** Base64 grows 4/3; anything longer than this cannot decode to an acceptable logo. */
const LOGO_MAX_BASE64 = Math.ceil(LOGO_MAX_BYTES / 3) * 4;

export function isLogoMimeType(value: string): value is LogoMimeType {
  return (LOGO_MIME_TYPES as readonly string[]).includes(value);
}

/** The tenant to brand: omitted for a tenant admin (their own), required for a platform admin. */
export const brandingTargetSchema = z.object({ tenantId: idSchema.optional() });

export const BRAND_NAME_MAX = 120;
export const DOMAINS_MAX = 10;
export const DOMAIN_TITLE_MAX = 120;
export const FOOTER_TEXT_MAX = 300;
/** The organisation's name: said the same way by the branding and organisation forms. */
export const ORGANISATION_NAME_REQUIRED = "Enter the organisation's name (at least 2 characters)";

export const brandingUpdateSchema = brandingTargetSchema.extend({
  name: visibleTextSchema.min(2, ORGANISATION_NAME_REQUIRED).max(BRAND_NAME_MAX),
  domains: z
    .array(hostnameSchema)
    .min(1, "Add at least one domain name")
    .max(DOMAINS_MAX, `Use at most ${DOMAINS_MAX} domain names`),
  domainTitle: visibleTextSchema.max(DOMAIN_TITLE_MAX),
  footerText: visibleTextSchema.max(FOOTER_TEXT_MAX),
});
export type BrandingUpdateInput = z.infer<typeof brandingUpdateSchema>;

/** One of the tenant's domains, to verify (tenant admin) or approve (platform admin). */
export const domainActionSchema = brandingTargetSchema.extend({ hostname: hostnameSchema });
export type DomainActionInput = z.infer<typeof domainActionSchema>;

/** Domain names typed so far, checked for availability while typing (before Save). */
export const domainCheckSchema = brandingTargetSchema.extend({
  hostnames: z.array(z.string().max(253)).max(10),
});

export const logoUploadSchema = brandingTargetSchema.extend({
  mimeType: z.string().trim().toLowerCase().refine(isLogoMimeType, LOGO_WRONG_TYPE),
  data: z.string().min(1, LOGO_WRONG_TYPE).max(LOGO_MAX_BASE64, LOGO_TOO_LARGE),
});
export type LogoUploadInput = z.infer<typeof logoUploadSchema>;
