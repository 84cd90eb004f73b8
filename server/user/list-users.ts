import type { Prisma } from "@prisma/client";
import type { Page } from "@/lib/schemas/common";
import type { UserListInput } from "@/lib/schemas/user";
import type { ActorContext } from "../db/run-in-scope";
import { containsText } from "../db/search";
import { USER_FIELDS } from "./user-fields";

/** Each search word must match the username, email, first or last name ("ann smith" finds Ann Smith). */
function searchWhere(search: string): Prisma.UserWhereInput {
  const words = search.split(/\s+/).filter(Boolean).slice(0, 5);
  return {
    AND: words.map((word) => ({
      OR: [
        { username: containsText(word) },
        { email: containsText(word) },
        { firstName: containsText(word) },
        { lastName: containsText(word) },
      ],
    })),
  };
}

export async function listUsers(opts: { ctx: ActorContext; input: UserListInput }) {
  const { db, actor } = opts.ctx;
  const { search, page, pageSize, tenantId } = opts.input;
  // Row-level security already limits a tenant admin to their tenant; the filter says so too.
  const scope: Prisma.UserWhereInput =
    actor.role === "PLATFORM_ADMIN" ? (tenantId ? { tenantId } : {}) : { tenantId: actor.tenantId };
  const where: Prisma.UserWhereInput = { AND: [scope, searchWhere(search)] };
  const items = await db.user.findMany({
    where,
    orderBy: { username: "asc" },
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: USER_FIELDS,
  });
  // A page that is not full is the last one: the total follows without counting (one round trip fewer).
  const total =
    items.length < pageSize && (items.length > 0 || page === 1)
      ? (page - 1) * pageSize + items.length
      : await db.user.count({ where });
  return { items, total, page, pageSize } satisfies Page<(typeof items)[number]>;
}
