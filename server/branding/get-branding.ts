/** A tenant's brand as the branding form edits it, with the logo inlined for the preview. */
import type { Tx } from "../db/scope";
import { notFound } from "../errors";

export async function getBranding(opts: { db: Tx; tenantId: string }) {
  const t = await opts.db.tenant.findUnique({
    where: { id: opts.tenantId },
    select: {
      id: true,
      name: true,
      domainTitle: true,
      footerText: true,
      logo: true,
      logoMimeType: true,
      logoUpdatedAt: true,
      domains: {
        select: {
          hostname: true,
          isPrimary: true,
          verifiedAt: true,
          verifiedBy: true,
          verificationToken: true,
          retiring: true,
        },
        orderBy: [{ isPrimary: "desc" }, { createdAt: "asc" }, { hostname: "asc" }],
      },
    },
  });
  if (!t) throw notFound("Organisation");
  const { logo, domains, ...rest } = t;
  // A data URL, because /api/branding/logo only serves the logo of the host's own tenant and a
  // platform admin previews other tenants' brands; <img> never runs script inside an SVG.
  const logoDataUrl =
    logo && t.logoMimeType ? `data:${t.logoMimeType};base64,${Buffer.from(logo).toString("base64")}` : null;
  return {
    ...rest,
    logoDataUrl,
    // A pending domain's token is what its owner publishes to prove it (never a secret elsewhere).
    domains: domains.map((d) => ({
      hostname: d.hostname,
      isPrimary: d.isPrimary,
      verified: !!d.verifiedAt,
      verifiedBy: d.verifiedBy,
      retiring: d.retiring,
      token: d.verifiedAt ? null : d.verificationToken,
    })),
  };
}
