/**
 * What an administrator may create: a tenant admin only adds people to their own tenant and never
 * a platform admin; a platform admin adds only platform admins (no tenant) — an organisation's
 * people are added by its own admins, its first admin named when it is created (issue 16).
 * A new organisation admin is told to every organisation admin by mail.
 */
import { roleFromChoices } from "@/lib/roles";
import { type UserCreateInput, usernameFor } from "@/lib/schemas/user";
import { mustChangeTypedPassword } from "../auth/admin-typed-password";
import type { ActorContext } from "../db/run-in-scope";
import { forbidden, notFound } from "../errors";
import { adminAddedMail } from "../mail/templates/admin-added";
import { createUser } from "./create-user";
import { getUser } from "./get-user";
import { notifyTenantAdmins, personName } from "./notify-tenant-admins";
import { assertOwnOrganisationAdmin } from "./platform-admin-limits";

export async function addUser(opts: { ctx: ActorContext; input: UserCreateInput }) {
  const { ctx, input } = opts;
  const { db, actor } = ctx;
  const role = roleFromChoices(input.roles);
  const isPlatform = actor.role === "PLATFORM_ADMIN";
  if (role === "PLATFORM_ADMIN" && !isPlatform) {
    throw forbidden("Only platform admins can create platform admins.");
  }
  const tenantId = isPlatform ? input.tenantId : actor.tenantId;
  assertOwnOrganisationAdmin(actor, { tenantId }, "create");
  // A foreign or unknown tenant id reads as not found rather than failing on the foreign key.
  if (tenantId && !(await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true } })))
    throw notFound("Tenant");
  const user = await createUser({
    ctx,
    tenantId,
    username: usernameFor(input),
    email: input.email,
    firstName: input.firstName,
    lastName: input.lastName,
    phone: input.phone || null,
    role,
    permissions: input.permissions,
    credentials: input.credentials,
    mustChangePassword: await mustChangeTypedPassword(db, { tenantId, askedByAdmin: input.mustChangePassword }),
  });
  if (tenantId && role === "TENANT_ADMIN") {
    await notifyTenantAdmins({
      ctx,
      tenantId,
      mail: (brand, signInUrl) =>
        adminAddedMail(brand, { person: personName(user), addedBy: actor.username, signInUrl }),
    });
  }
  return getUser({ db, id: user.id });
}
