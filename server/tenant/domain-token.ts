/**
 * What /.well-known/faxport-domain-verification answers: a pending domain's token, on that
 * domain's own host name. When the portal fetches that address and gets the token back, the
 * domain's DNS points at this server — the proof verify-domain.ts looks for.
 */
import { systemDb } from "../db/system-db";
import { parseHost } from "./resolve-tenant";

export async function domainTokenFor(rawHost: string | null | undefined): Promise<string | null> {
  const hostname = parseHost(rawHost);
  if (!hostname) return null;
  const domain = await systemDb().tenantDomain.findUnique({
    where: { hostname },
    select: { verifiedAt: true, verificationToken: true },
  });
  return domain && !domain.verifiedAt ? domain.verificationToken : null;
}
