/**
 * Whether host names could be this tenant's, asked while the admin types (the save checks the
 * same again in tenant-domains.ts): not the platform's own address, not another organisation's.
 * Says only "taken", never whose — the same the save would say.
 */
import { hostnameSchema } from "@/lib/schemas/common";
import { systemDb } from "../db/system-db";
import { platformHosts } from "../env";

export async function domainAvailability(opts: { tenantId: string | null; hostnames: string[] }) {
  const hosts = [
    ...new Set(opts.hostnames.flatMap((h) => hostnameSchema.safeParse(h).data ?? []).map((h) => h.toLowerCase())),
  ];
  const platform = hosts.find((h) => platformHosts().includes(h));
  if (platform) {
    return {
      hostname: platform,
      problem: `${platform} is the platform's own address and cannot belong to an organisation.`,
    };
  }
  if (!hosts.length) return { hostname: null, problem: null };
  // Another organisation's domain is invisible under row-level security: ask as the owner.
  const taken = await systemDb().tenantDomain.findFirst({
    where: { hostname: { in: hosts }, ...(opts.tenantId ? { tenantId: { not: opts.tenantId } } : {}) },
    select: { hostname: true },
  });
  if (taken) return { hostname: taken.hostname, problem: `${taken.hostname} is taken by another organisation.` };
  return { hostname: null, problem: null };
}
