/**
 * DIDs for the admin page. Platform admins see every number and filter by tenant; a tenant
 * admin's query runs under row-level security, which narrows it to that tenant's pool.
 */
import type { Prisma } from "@prisma/client";
import type { Page } from "@/lib/schemas/common";
import type { DidListInput } from "@/lib/schemas/did";
import type { ActorContext } from "../db/run-in-scope";
import { containsText, escapeLike } from "../db/search";
import { type DidView, didSelect } from "./did-view";

export async function listDids(opts: { ctx: ActorContext; input: DidListInput }): Promise<Page<DidView>> {
  const { ctx } = opts;
  const { db, actor } = ctx;
  const { search, page, pageSize, status, tenantId } = opts.input;
  const platform = actor.role === "PLATFORM_ADMIN";
  const and: Prisma.DidWhereInput[] = [];
  if (platform && tenantId) and.push({ tenantId });
  // "Unassigned" means no tenant for the platform, no user for a tenant actor.
  if (status === "mine") and.push({ userId: actor.id });
  else if (status !== "all") {
    const field = platform ? "tenantId" : "userId";
    and.push({ [field]: status === "unassigned" ? null : { not: null } });
  }
  if (search) {
    const digits = search.replace(/\D/g, "");
    and.push({
      OR: [
        ...(digits ? [{ number: { contains: escapeLike(digits) } }] : []),
        { title: containsText(search) },
        { user: { username: containsText(search) } },
        ...(platform ? [{ tenant: { name: containsText(search) } }] : []),
      ],
    });
  }
  const where: Prisma.DidWhereInput = { AND: and };
  const [items, total] = await Promise.all([
    db.did.findMany({
      where,
      orderBy: { number: "asc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: didSelect,
    }),
    db.did.count({ where }),
  ]);
  return { items, total, page, pageSize };
}
