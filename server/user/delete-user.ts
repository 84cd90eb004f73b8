/** Removes a user; their DIDs stay with the tenant, back in its unassigned pool. */
import { recordAudit } from "../audit/record-audit";
import { badRequest } from "../db/errors";
import type { Tx } from "../db/scope";
import { loadUser } from "./get-user";
import { assertAnotherTenantAdmin } from "./tenant-admin-guard";
import type { UserAdmin } from "./user-fields";

export async function deleteUser(opts: { db: Tx; admin: UserAdmin; id: string; ip?: string }) {
  const { db, admin } = opts;
  const user = await loadUser(db, opts.id);
  if (user.id === admin.id) throw badRequest("You cannot delete your own account.");
  if (user.role === "TENANT_ADMIN") await assertAnotherTenantAdmin(db, user);
  // The foreign key alone would clear userId but leave forwarding to the departed person's choice.
  const released = await db.did.updateMany({
    where: { userId: user.id },
    data: { userId: null, forward: "NONE", forwardEmail: null },
  });
  await db.user.delete({ where: { id: user.id } });
  await recordAudit(db, {
    tenantId: user.tenantId,
    actor: admin,
    action: "user.delete",
    entityType: "User",
    entityId: user.id,
    details: { username: user.username, role: user.role, releasedDids: released.count },
    ip: opts.ip,
  });
}
