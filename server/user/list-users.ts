import type { Prisma } from "@prisma/client";
import type { Page } from "@/lib/schemas/common";
import type { UserListInput } from "@/lib/schemas/user";
import type { ActorContext } from "../db/run-in-scope";
import { escapeLike } from "../db/search";
import type { USER_FIELDS } from "./user-fields";

/** hasPassword false: invited by a welcome link and not opened yet (no password, no keys). */
export type ListedUser = Prisma.UserGetPayload<{ select: typeof USER_FIELDS }> & { hasPassword: boolean };

/**
 * The admin screens' user list in plain SQL (`ctx.sql`): the busiest list of the portal, and
 * Prisma's per-query work was most of its cost (docs/request-cost.md). The columns are
 * USER_FIELDS and whether a password was chosen, no more: never the password hash, keys or reset tokens.
 */
const COLUMNS = `u.id, u."tenantId", u.username, u.email, u."firstName", u."lastName", u.phone, u.role::text AS role,
  u.permissions, u.locked, u."lockedUntil", u."mustChangePassword", u."lastLoginAt", u."createdAt",
  u."kdfSalt" IS NOT NULL AS "hasPassword",
  CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object('name', t.name, 'timeZone', t."timeZone") END AS tenant`;

/**
 * The WHERE clause and its parameters. Row-level security already limits a tenant admin to their
 * tenant; the filter says so too. Each search word must match the username, email, first or last
 * name ("ann smith" finds Ann Smith), taken literally (no LIKE wildcards).
 */
function whereOf(ctx: ActorContext, input: UserListInput): { where: string; values: unknown[] } {
  const values: unknown[] = [];
  const parts: string[] = [];
  const tenantId = ctx.actor.role === "PLATFORM_ADMIN" ? input.tenantId : ctx.actor.tenantId;
  if (tenantId) {
    values.push(tenantId);
    parts.push(`u."tenantId" = $${values.length}::uuid`);
  }
  for (const word of input.search.split(/\s+/).filter(Boolean).slice(0, 5)) {
    values.push(`%${escapeLike(word)}%`);
    const p = `$${values.length}`;
    parts.push(`(u.username ILIKE ${p} OR u.email ILIKE ${p} OR u."firstName" ILIKE ${p} OR u."lastName" ILIKE ${p})`);
  }
  return { where: parts.length ? `WHERE ${parts.join(" AND ")}` : "", values };
}

export async function listUsers(opts: { ctx: ActorContext; input: UserListInput }) {
  const { ctx, input } = opts;
  const { page, pageSize } = input;
  const { where, values } = whereOf(ctx, input);
  const n = values.length;
  const items = await ctx.sql<ListedUser>(
    `SELECT ${COLUMNS} FROM "User" u LEFT JOIN "Tenant" t ON t.id = u."tenantId" ${where}
     ORDER BY u.username ASC LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...values, pageSize, (page - 1) * pageSize],
  );
  // A page that is not full is the last one: the total follows without counting (one round trip fewer).
  const total =
    items.length < pageSize && (items.length > 0 || page === 1)
      ? (page - 1) * pageSize + items.length
      : ((await ctx.sql<{ n: number }>(`SELECT count(*)::int AS n FROM "User" u ${where}`, values))[0]?.n ?? 0);
  return { items, total, page, pageSize } satisfies Page<ListedUser>;
}
