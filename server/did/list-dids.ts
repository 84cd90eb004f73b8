/**
 * DIDs for the admin page. Platform admins see every number and filter by tenant; a tenant
 * admin's query runs under row-level security, which narrows it to that tenant's pool.
 */
import type { Prisma } from "@prisma/client";
import type { Page } from "@/lib/schemas/common";
import type { DidListInput } from "@/lib/schemas/did";
import type { Tx } from "../db/scope";
import { containsText, escapeLike } from "../db/search";
import { type DidCaller, type DidView, didSelect } from "./did-view";

export async function listDids(opts: { db: Tx; caller: DidCaller; input: DidListInput }): Promise<Page<DidView>> {
  const { search, page, pageSize, status, tenantId } = opts.input;
  const platform = opts.caller.role === "PLATFORM_ADMIN";
  const and: Prisma.DidWhereInput[] = [];
  if (platform && tenantId) and.push({ tenantId });
  // "Unassigned" means no tenant for the platform, no user for a tenant admin.
  if (status !== "all") {
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
    opts.db.did.findMany({
      where,
      orderBy: { number: "asc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: didSelect,
    }),
    opts.db.did.count({ where }),
  ]);
  return { items, total, page, pageSize };
}
