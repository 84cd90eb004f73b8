/** Domain rules: a host belongs to at most one tenant and never to the platform. */
import { badRequest } from "../db/errors";
import type { Tx } from "../db/scope";
import { platformHosts } from "../env";
import { invalidateHostCache } from "./resolve-tenant";

export async function replaceDomains(db: Tx, tenantId: string, hostnames: string[]): Promise<void> {
  const unique = [...new Set(hostnames.map((h) => h.toLowerCase()))];
  const platform = unique.find((h) => platformHosts().includes(h));
  if (platform) throw badRequest(`${platform} is the platform's own address and cannot belong to a tenant.`);
  // Checked on the owner's view: another tenant's domain is invisible under row-level security,
  // so the unique index is the final guard; this query only makes the message precise.
  const taken = await db.$queryRaw<{ hostname: string }[]>`
    SELECT hostname FROM "TenantDomain" WHERE hostname = ANY(${unique}) AND "tenantId" <> ${tenantId}::uuid`;
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
