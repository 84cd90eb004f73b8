/** Profile, role and permissions. Role changes keep every tenant manageable and nobody demotes themselves. */
import { TRPCError } from "@trpc/server";
import { roleFromChoices } from "@/lib/roles";
import type { UserUpdateInput } from "@/lib/schemas/user";
import { recordAudit } from "../audit/record-audit";
import { badRequest } from "../db/errors";
import type { Tx } from "../db/scope";
import { assertEmailFree } from "./email-in-use";
import { getUser, loadUser } from "./get-user";
import { assertAnotherTenantAdmin } from "./tenant-admin-guard";
import type { UserAdmin } from "./user-fields";

export async function updateUser(opts: { db: Tx; admin: UserAdmin; input: UserUpdateInput; ip?: string }) {
  const { db, admin, input } = opts;
  const before = await loadUser(db, input.id);
  const role = roleFromChoices(input.roles);
  if (role !== before.role) {
    if (role === "PLATFORM_ADMIN" && admin.role !== "PLATFORM_ADMIN") {
      throw new TRPCError({ code: "FORBIDDEN", message: "Only platform admins can grant the platform admin role." });
    }
    if (before.id === admin.id) throw badRequest("You cannot change your own role.");
    // Platform admins have no tenant and tenant people have one: crossing needs a new account.
    if (role === "PLATFORM_ADMIN" || before.role === "PLATFORM_ADMIN") {
      throw badRequest("A tenant account cannot become a platform admin or the reverse; create a new account instead.");
    }
    if (before.role === "TENANT_ADMIN") await assertAnotherTenantAdmin(db, before);
  }
  if (input.email !== before.email)
    await assertEmailFree(db, { tenantId: before.tenantId, email: input.email, exceptId: before.id });
  await db.user.update({
    where: { id: before.id },
    data: {
      email: input.email,
      firstName: input.firstName,
      lastName: input.lastName,
      phone: input.phone || null,
      role,
      permissions: input.permissions,
    },
  });
  await recordAudit(db, {
    tenantId: before.tenantId,
    actor: admin,
    action: "user.update",
    entityType: "User",
    entityId: before.id,
    details: {
      username: before.username,
      ...(role !== before.role ? { role: { from: before.role, to: role } } : {}),
      ...(input.email !== before.email ? { email: { from: before.email, to: input.email } } : {}),
      permissions: input.permissions,
    },
    ip: opts.ip,
  });
  return getUser({ db, id: before.id });
}
