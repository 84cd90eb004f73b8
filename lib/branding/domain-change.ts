/**
 * Whether saving a new domain list is a change people notice — a verified address stops serving
 * or waits to be replaced — and so must be confirmed first. Adding a domain, or dropping one that
 * was never verified, breaks no one's link and is not asked about.
 */
export interface SavedDomain {
  hostname: string;
  verified: boolean;
  /** Replaced, serving until a new domain is verified (server/tenant/tenant-domains.ts). */
  retiring?: boolean;
}

export interface DomainChange {
  /** The addresses people use now (verified, listed). */
  from: string[];
  /** The list as it will be saved. */
  to: string[];
  /** Verified addresses that will stop serving. */
  dropped: string[];
  /** True when the new address serves only once proven; the old keeps working until then. */
  waitsForProof: boolean;
}

export function domainChange(opts: {
  saved: SavedDomain[];
  next: string[];
  byPlatformAdmin: boolean;
}): DomainChange | null {
  const next = [...new Set(opts.next.map((h) => h.trim().toLowerCase()).filter(Boolean))];
  const serving = opts.saved.filter((d) => d.verified && !d.retiring).map((d) => d.hostname);
  const dropped = serving.filter((h) => !next.includes(h));
  if (!dropped.length) return null;
  const verified = new Set(opts.saved.filter((d) => d.verified).map((d) => d.hostname));
  return {
    from: serving,
    to: next,
    dropped,
    waitsForProof: !opts.byPlatformAdmin && !next.some((h) => verified.has(h)),
  };
}

/** The same address on another host name (same protocol and port), e.g. after a domain change. */
export function addressOn(hostname: string, path: string, here: { protocol: string; port: string }): string {
  return `${here.protocol}//${hostname}${here.port ? `:${here.port}` : ""}${path}`;
}
