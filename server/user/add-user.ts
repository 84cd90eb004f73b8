/**
 * What an administrator may create: a tenant admin only adds people to their own tenant and never
 * a platform admin; a platform admin adds people to any tenant, or platform admins (no tenant).
 */
import { TRPCError } from "@trpc/server";
import { roleFromChoices } from "@/lib/roles";
import { type UserCreateInput, usernameFor } from "@/lib/schemas/user";
import { notFound } from "../db/errors";
import type { Tx } from "../db/scope";
import { createUser } from "./create-user";
import { getUser } from "./get-user";
import type { UserAdmin } from "./user-fields";

export async function addUser(opts: { db: Tx; admin: UserAdmin; input: UserCreateInput; ip?: string }) {
  const { db, admin, input } = opts;
  const role = roleFromChoices(input.roles);
  const isPlatform = admin.role === "PLATFORM_ADMIN";
  if (role === "PLATFORM_ADMIN" && !isPlatform) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only platform admins can create platform admins." });
  }
  const tenantId = isPlatform ? input.tenantId : admin.tenantId;
  // A foreign or unknown tenant id reads as not found rather than failing on the foreign key.
  if (tenantId && !(await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true } })))
    throw notFound("Tenant");
  const user = await createUser({
    db,
    actor: admin,
    tenantId,
    username: usernameFor(input),
    email: input.email,
    firstName: input.firstName,
    lastName: input.lastName,
    phone: input.phone || null,
    role,
    permissions: input.permissions,
    password: input.password,
    mustChangePassword: input.mustChangePassword,
    ip: opts.ip,
  });
  return getUser({ db, id: user.id });
}
