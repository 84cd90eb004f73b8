/**
 * Domain rules: a host belongs to at most one tenant and never to the platform, and serves the
 * tenant only once verified. A platform admin's domains are verified at once; a tenant admin's
 * new ones wait for proof (verify-domain.ts), and the tenant keeps a verified one meanwhile: when
 * the admin replaces it, it serves on as "retiring" until the new one is proven.
 */

import type { Tx } from "../db/scope";
import { systemDb } from "../db/system-db";
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
  if (platform)
    throw badRequest(`${platform} is the platform's own address and cannot belong to an organisation.`, "domains");
  // Another tenant's domain is invisible under row-level security, so ask as the owner (system
  // client) — it reveals only that the name is taken; the unique index stays the final guard.
  const taken = await systemDb().tenantDomain.findMany({
    where: { hostname: { in: unique }, tenantId: { not: tenantId } },
    select: { hostname: true },
  });
  if (taken.length) {
    throw badRequest(`The domain ${taken[0]!.hostname} is already used by another organisation.`, "domains");
  }
  const existing = await db.tenantDomain.findMany({
    where: { tenantId },
    select: { hostname: true, verifiedAt: true, isPrimary: true },
  });
  const verified = new Set(existing.filter((d) => d.verifiedAt).map((d) => d.hostname));
  if (opts.byPlatformAdmin) {
    for (const h of unique) if (!existing.some((d) => d.hostname === h)) verified.add(h);
  }
  // A tenant admin who replaces every verified domain keeps them serving meanwhile ("retiring"),
  // so nobody's link breaks before the new address is proven; verifying it retires them.
  const retiring = unique.some((h) => verified.has(h))
    ? []
    : existing.filter((d) => d.verifiedAt && !unique.includes(d.hostname)).map((d) => d.hostname);
  // Links in mails and redirects use the primary domain: the first verified one listed, or the
  // retiring primary until a listed one is verified.
  const primary =
    unique.find((h) => verified.has(h)) ??
    existing.find((d) => d.isPrimary && retiring.includes(d.hostname))?.hostname ??
    retiring[0] ??
    null;
  await db.tenantDomain.deleteMany({ where: { tenantId, hostname: { notIn: [...unique, ...retiring] } } });
  await db.tenantDomain.updateMany({
    where: { tenantId, hostname: { in: retiring } },
    data: { retiring: true },
  });
  const now = new Date();
  for (const hostname of unique) {
    await db.tenantDomain.upsert({
      where: { hostname },
      update: { isPrimary: hostname === primary, retiring: false },
      create: {
        tenantId,
        hostname,
        isPrimary: hostname === primary,
        ...(opts.byPlatformAdmin ? { verifiedAt: now, verifiedBy: "PLATFORM" as const } : {}),
      },
    });
  }
  for (const hostname of retiring) {
    await db.tenantDomain.update({ where: { hostname }, data: { isPrimary: hostname === primary } });
  }
}

/**
 * A listed domain was just verified: the domains it replaces stop serving and it becomes the
 * primary (links in mail use it from now on). Returns the retired host names.
 */
export async function settleDomainChange(db: Tx, tenantId: string, hostname: string): Promise<string[]> {
  const retired = await db.tenantDomain.findMany({ where: { tenantId, retiring: true }, select: { hostname: true } });
  if (!retired.length) return [];
  await db.tenantDomain.deleteMany({ where: { tenantId, retiring: true } });
  await db.tenantDomain.updateMany({ where: { tenantId }, data: { isPrimary: false } });
  await db.tenantDomain.update({ where: { hostname }, data: { isPrimary: true } });
  return retired.map((d) => d.hostname);
}
