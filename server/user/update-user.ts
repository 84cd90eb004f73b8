/**
 * Profile, role and permissions. Role changes keep every tenant manageable and nobody demotes
 * themselves; an organisation's people are changed only by its own admins, and a new organisation
 * admin is told to every organisation admin.
 */
import { roleFromChoices } from "@/lib/roles";
import type { UserUpdateInput } from "@/lib/schemas/user";
import type { ActorContext } from "../db/run-in-scope";
import { badRequest, forbidden } from "../errors";
import { adminAddedMail } from "../mail/templates/admin-added";
import { assertEmailFree } from "./email-in-use";
import { getUser, loadUser } from "./get-user";
import { notifyTenantAdmins, personName } from "./notify-tenant-admins";
import { assertOwnOrganisationAdmin } from "./platform-admin-limits";
import { assertAnotherTenantAdmin } from "./tenant-admin-guard";

export async function updateUser(opts: { ctx: ActorContext; input: UserUpdateInput }) {
  const { ctx, input } = opts;
  const { db, actor } = ctx;
  const before = await loadUser(db, input.id);
  // Email too: a platform admin's address on the account would receive its reset link.
  assertOwnOrganisationAdmin(actor, before, "update");
  const role = roleFromChoices(input.roles);
  if (role !== before.role) {
    if (role === "PLATFORM_ADMIN" && actor.role !== "PLATFORM_ADMIN") {
      throw forbidden("Only platform admins can grant the platform admin role.");
    }
    if (before.id === actor.id) throw badRequest("You cannot change your own role.", "roles");
    // Platform admins have no tenant and tenant people have one: crossing needs a new account.
    if (role === "PLATFORM_ADMIN" || before.role === "PLATFORM_ADMIN") {
      throw badRequest(
        "An organisation's account cannot become a platform admin or the reverse; create a new account instead.",
      );
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
  await ctx.audit({
    tenantId: before.tenantId,
    action: "user.update",
    entityType: "User",
    entityId: before.id,
    details: {
      username: before.username,
      ...(role !== before.role ? { role: { from: before.role, to: role } } : {}),
      ...(input.email !== before.email ? { email: { from: before.email, to: input.email } } : {}),
      permissions: input.permissions,
    },
  });
  if (before.tenantId && role === "TENANT_ADMIN" && before.role !== "TENANT_ADMIN") {
    await notifyTenantAdmins({
      ctx,
      tenantId: before.tenantId,
      mail: (brand, signInUrl) =>
        adminAddedMail(brand, { person: personName({ ...before, ...input }), addedBy: actor.username, signInUrl }),
    });
  }
  return getUser({ db, id: before.id });
}
