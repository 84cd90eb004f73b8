/** Removes a user; their DIDs stay with the tenant, back in its unassigned pool. */

import type { ActorContext } from "../db/run-in-scope";
import { badRequest } from "../errors";
import { loadUser } from "./get-user";
import { assertAnotherTenantAdmin } from "./tenant-admin-guard";

export async function deleteUser(opts: { ctx: ActorContext; id: string }) {
  const { ctx } = opts;
  const { db, actor } = ctx;
  const user = await loadUser(db, opts.id);
  if (user.id === actor.id) throw badRequest("You cannot delete your own account.");
  if (user.role === "TENANT_ADMIN") await assertAnotherTenantAdmin(db, user);
  if (user.tenantId) {
    const tenant = await db.tenant.findUnique({
      where: { id: user.tenantId },
      select: { publicKey: true, firstAdminId: true },
    });
    // Only they can set up the organisation key; without them nobody could.
    if (tenant && !tenant.publicKey && tenant.firstAdminId === user.id) {
      throw badRequest(
        "This is the admin named to set up the organisation's key, which they have not done yet, so they cannot be deleted.",
      );
    }
  }
  // The foreign key alone would clear userId but leave forwarding to the departed person's choice.
  const released = await db.did.updateMany({
    where: { userId: user.id },
    data: { userId: null, forward: "NONE", forwardEmail: null },
  });
  await db.user.delete({ where: { id: user.id } });
  await ctx.audit({
    tenantId: user.tenantId,
    action: "user.delete",
    entityType: "User",
    entityId: user.id,
    details: { username: user.username, role: user.role, releasedDids: released.count },
  });
}
