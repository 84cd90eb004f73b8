/**
 * Whom a login names on this host: people of the host's tenant (platform admins on the platform
 * host), by username, else by email. Another tenant's people are never looked at, so their names
 * can neither collide with nor be discovered from this one's.
 */
import { systemDb } from "../db/system-db";
import type { HostContext } from "../tenant/resolve-tenant";

export const normaliseLogin = (login: string) => login.trim().toLowerCase();

/** The set of people a host signs in: a tenant, the platform, or (unknown host) nobody. */
export function realmOf(host: HostContext): string {
  if (host.kind === "tenant") return realmOfPerson(host.tenant.id);
  if (host.kind === "platform") return "platform";
  return `host-${host.host}`;
}

/** The realm a person signs in on: their tenant's, or the platform's. */
export const realmOfPerson = (tenantId: string | null) => (tenantId ? `t-${tenantId}` : "platform");

export async function findSignInUser(host: HostContext, login: string) {
  if (host.kind === "unknown") return null;
  const people =
    host.kind === "tenant" ? { tenantId: host.tenant.id } : { tenantId: null, role: "PLATFORM_ADMIN" as const };
  const matches = await systemDb().user.findMany({
    where: { ...people, OR: [{ username: login }, { email: login }] },
    take: 2,
  });
  return matches.find((u) => u.username === login) ?? matches[0] ?? null;
}
