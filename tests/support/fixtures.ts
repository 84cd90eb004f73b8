/** Builds tenants, people and tRPC callers against the real test database. */
import { createSession, validateSession } from "../../server/auth/sessions";
import { getDb } from "../../server/db/client";
import { invalidateHostCache, resolveHost } from "../../server/tenant/resolve-tenant";
import type { Context } from "../../server/trpc/context";
import { createCaller } from "../../server/trpc/root";
import { sharedPasswordColumns } from "./credentials";

export const PASSWORD = "Correct-Horse-9";

export async function makeTenant(name: string, hostname: string) {
  const db = getDb();
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const tenant = await db.tenant.create({
    data: {
      name,
      slug,
      domains: { create: { hostname, isPrimary: true, verifiedAt: new Date(), verifiedBy: "PLATFORM" } },
      securityPolicy: { create: { minLength: 10, lockoutThreshold: 3, lockoutMinutes: 15 } },
    },
  });
  const admin = await db.user.create({
    data: {
      tenantId: tenant.id,
      username: `${slug}-admin`,
      email: `admin@${hostname}`,
      role: "TENANT_ADMIN",
      ...(await sharedPasswordColumns(PASSWORD)),
    },
  });
  // The admin named at creation: the one who may set up the organisation key.
  await db.tenant.update({ where: { id: tenant.id }, data: { firstAdminId: admin.id } });
  const user = await db.user.create({
    data: {
      tenantId: tenant.id,
      username: `${slug}-user`,
      email: `user@${hostname}`,
      role: "USER",
      ...(await sharedPasswordColumns(PASSWORD)),
    },
  });
  invalidateHostCache();
  return { tenant, admin, user, hostname };
}

export async function makePlatformAdmin(username = "root") {
  return getDb().user.create({
    data: {
      username,
      email: `${username}@platform.localhost`,
      role: "PLATFORM_ADMIN",
      ...(await sharedPasswordColumns(PASSWORD)),
    },
  });
}

/** A tRPC caller acting as `userId` on `host`, through a real server-side session. */
export async function callerFor(userId: string | null, host: string, ip = "10.0.0.1") {
  let user = null;
  if (userId) {
    const u = await getDb().user.findUniqueOrThrow({ where: { id: userId } });
    const sid = await createSession({ userId, tenantId: u.tenantId });
    user = await validateSession(sid);
  }
  const ctx: Context = { user, host: await resolveHost(host), ip };
  return createCaller(ctx);
}

/** One more person in a tenant (e.g. a second plain user to try another user's rows). */
export async function makeUser(tenantId: string, username: string, role: "USER" | "TENANT_ADMIN" = "USER") {
  return getDb().user.create({
    data: { tenantId, username, email: `${username}@people.test`, role, ...(await sharedPasswordColumns(PASSWORD)) },
  });
}
