/** A session belongs to the portal it was made on: tenant people on their tenant's host, platform admins on the platform's. */
import type { Role } from "@prisma/client";
import type { HostContext } from "../tenant/resolve-tenant";

export function isOnOwnPortal(user: { role: Role; tenantId: string | null }, host: HostContext): boolean {
  return user.role === "PLATFORM_ADMIN"
    ? host.kind === "platform"
    : host.kind === "tenant" && host.tenant.id === user.tenantId;
}
