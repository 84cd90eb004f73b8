/** Domain rules: a host belongs to at most one tenant and never to the platform. */
import { getDb } from "../db/client";
import { badRequest } from "../db/errors";
import type { Tx } from "../db/scope";
import { platformHosts } from "../env";
import { invalidateHostCache } from "./resolve-tenant";

export async function replaceDomains(db: Tx, tenantId: string, hostnames: string[]): Promise<void> {
  const unique = [...new Set(hostnames.map((h) => h.toLowerCase()))];
  const platform = unique.find((h) => platformHosts().includes(h));
  if (platform) throw badRequest(`${platform} is the platform's own address and cannot belong to a tenant.`);
  // Another tenant's domain is invisible under row-level security, so ask as the owner (system
  // client) — it reveals only that the name is taken; the unique index stays the final guard.
  const taken = await getDb().tenantDomain.findMany({
    where: { hostname: { in: unique }, tenantId: { not: tenantId } },
    select: { hostname: true },
  });
  if (taken.length) throw badRequest(`The domain ${taken[0]!.hostname} is already used by another tenant.`);
  await db.tenantDomain.deleteMany({ where: { tenantId, hostname: { notIn: unique } } });
  for (const [i, hostname] of unique.entries()) {
    await db.tenantDomain.upsert({
      where: { hostname },
      update: { isPrimary: i === 0 },
      create: { tenantId, hostname, isPrimary: i === 0 },
    });
  }
  invalidateHostCache();
}
