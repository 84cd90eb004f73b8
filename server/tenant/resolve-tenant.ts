/**
 * Host → tenant. The host is parsed purely (no port, lower-case) and looked up in a small
 * in-process cache, so every request knows whose brand to show (Dub's pattern).
 */
import { systemDb } from "../db/system-db";
import { platformHosts } from "../env";

export interface TenantBrand {
  id: string;
  name: string;
  slug: string;
  active: boolean;
  domainTitle: string | null;
  footerText: string | null;
  /** IANA zone dates are shown in on this portal. */
  timeZone: string;
  hasLogo: boolean;
  logoVersion: number;
  primaryHost: string | null;
}

export type HostContext =
  | { kind: "platform"; host: string }
  | { kind: "tenant"; host: string; tenant: TenantBrand }
  | { kind: "unknown"; host: string };

export function parseHost(raw: string | null | undefined): string {
  const first = (raw ?? "").split(",")[0]!.trim().toLowerCase();
  if (first.startsWith("[")) return first.slice(0, first.indexOf("]") + 1); // IPv6 literal
  return first.replace(/:\d+$/, "").replace(/\.$/, "");
}

const TTL_MS = 5_000;
// On globalThis: Next bundles route handlers and pages separately, and a change made through
// one (tRPC) must clear the cache the other (page rendering) reads.
const globalCache = globalThis as unknown as { faxportHostCache?: Map<string, { at: number; value: HostContext }> };
globalCache.faxportHostCache ??= new Map();
const cache = globalCache.faxportHostCache;

/** Forget cached lookups (after branding or domain changes, so they show at once). */
export function invalidateHostCache(): void {
  cache.clear();
}

export async function resolveHost(rawHost: string | null | undefined): Promise<HostContext> {
  const host = parseHost(rawHost);
  const hit = cache.get(host);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = await lookup(host);
  cache.set(host, { at: Date.now(), value });
  return value;
}

async function lookup(host: string): Promise<HostContext> {
  const domain = await systemDb().tenantDomain.findUnique({
    where: { hostname: host },
    include: {
      tenant: {
        select: {
          id: true,
          name: true,
          slug: true,
          active: true,
          domainTitle: true,
          footerText: true,
          timeZone: true,
          logoMimeType: true,
          logoUpdatedAt: true,
          domains: { where: { isPrimary: true, verifiedAt: { not: null } }, select: { hostname: true }, take: 1 },
        },
      },
    },
  });
  // A domain serves its tenant only once verified: an unproven claim cannot take over a name.
  if (domain?.verifiedAt) {
    const t = domain.tenant;
    return {
      kind: "tenant",
      host,
      tenant: {
        id: t.id,
        name: t.name,
        slug: t.slug,
        active: t.active,
        domainTitle: t.domainTitle,
        footerText: t.footerText,
        timeZone: t.timeZone,
        hasLogo: !!t.logoMimeType,
        logoVersion: t.logoUpdatedAt?.getTime() ?? 0,
        primaryHost: t.domains[0]?.hostname ?? host,
      },
    };
  }
  if (platformHosts().includes(host)) return { kind: "platform", host };
  return { kind: "unknown", host };
}
