/** A tenant must keep at least one tenant admin, or nobody could manage it from its own portal. */

import type { Tx } from "../db/scope";
import { badRequest } from "../errors";

export async function assertAnotherTenantAdmin(db: Tx, user: { id: string; tenantId: string | null }): Promise<void> {
  if (!user.tenantId) return;
  // FOR UPDATE serialises two admins demoting or deleting each other at the same moment.
  const admins = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User" WHERE "tenantId" = ${user.tenantId}::uuid AND role = 'TENANT_ADMIN' FOR UPDATE`;
  if (!admins.some((a) => a.id !== user.id)) {
    throw badRequest(
      "This is the organisation's last organisation admin. Make another user an organisation admin first.",
    );
  }
}
