/**
 * Domain rules: a host belongs to at most one tenant and never to the platform, and serves the
 * tenant only once verified. A platform admin's domains are verified at once; a tenant admin's
 * new ones wait for proof (verify-domain.ts), and the tenant keeps a verified one meanwhile.
 */
import { getDb } from "../db/client";
import type { Tx } from "../db/scope";
import { platformHosts } from "../env";
import { badRequest } from "../errors";

export async function replaceDomains(
  db: Tx,
  tenantId: string,
  hostnames: string[],
  opts: { byPlatformAdmin: boolean },
): Promise<void> {
  const unique = [...new Set(hostnames.map((h) => h.toLowerCase()))];
  const platform = unique.find((h) => platformHosts().includes(h));
  if (platform) throw badRequest(`${platform} is the platform's own address and cannot belong to a tenant.`, "domains");
  // Another tenant's domain is invisible under row-level security, so ask as the owner (system
  // client) — it reveals only that the name is taken; the unique index stays the final guard.
  const taken = await getDb().tenantDomain.findMany({
    where: { hostname: { in: unique }, tenantId: { not: tenantId } },
    select: { hostname: true },
  });
  if (taken.length) {
    throw badRequest(`The domain ${taken[0]!.hostname} is already used by another tenant.`, "domains");
  }
  const existing = await db.tenantDomain.findMany({
    where: { tenantId },
    select: { hostname: true, verifiedAt: true },
  });
  const verified = new Set(existing.filter((d) => d.verifiedAt).map((d) => d.hostname));
  if (opts.byPlatformAdmin) {
    for (const h of unique) if (!existing.some((d) => d.hostname === h)) verified.add(h);
  } else if (!unique.some((h) => verified.has(h))) {
    throw badRequest(
      "Keep a verified domain in the list until the new one is verified, so the portal stays reachable.",
      "domains",
    );
  }
  // Links in mails and redirects use the primary domain, so it is the first verified one listed.
  const primary = unique.find((h) => verified.has(h)) ?? null;
  await db.tenantDomain.deleteMany({ where: { tenantId, hostname: { notIn: unique } } });
  const now = new Date();
  for (const hostname of unique) {
    await db.tenantDomain.upsert({
      where: { hostname },
      update: { isPrimary: hostname === primary },
      create: {
        tenantId,
        hostname,
        isPrimary: hostname === primary,
        ...(opts.byPlatformAdmin ? { verifiedAt: now, verifiedBy: "PLATFORM" as const } : {}),
      },
    });
  }
}
