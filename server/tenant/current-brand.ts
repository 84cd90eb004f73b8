/** The brand to show on this request's host: the tenant's, or the platform's own. */
import "server-only";
import { currentHost } from "../auth/guards";

export interface Brand {
  kind: "platform" | "tenant" | "unknown";
  name: string;
  title: string;
  footer: string;
  logoUrl: string | null;
}

export async function currentBrand(): Promise<Brand> {
  const host = await currentHost();
  if (host.kind === "tenant") {
    const t = host.tenant;
    return {
      kind: "tenant",
      name: t.name,
      title: t.domainTitle || `${t.name} Fax`,
      footer: t.footerText || `© ${t.name}`,
      logoUrl: t.hasLogo ? `/api/branding/logo?v=${t.logoVersion}` : null,
    };
  }
  return {
    kind: host.kind,
    name: "Faxport",
    title: host.kind === "platform" ? "Faxport Platform Administration" : "Faxport",
    footer: "Faxport — open-source web fax portal",
    logoUrl: null,
  };
}
