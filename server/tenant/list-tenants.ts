import type { Prisma } from "@prisma/client";
import type { ListInput, Page } from "@/lib/schemas/common";
import type { Tx } from "../db/scope";
import { containsText, escapeLike } from "../db/search";

export async function listTenants(opts: { db: Tx; input: ListInput }) {
  const { search, page, pageSize } = opts.input;
  const where: Prisma.TenantWhereInput = search
    ? {
        OR: [
          { name: containsText(search) },
          { domains: { some: { hostname: { contains: escapeLike(search.toLowerCase()) } } } },
        ],
      }
    : {};
  const [items, total] = await Promise.all([
    opts.db.tenant.findMany({
      where,
      orderBy: { name: "asc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        name: true,
        active: true,
        dailyFaxLimit: true,
        monthlyFaxLimit: true,
        retentionMinDays: true,
        retentionMaxDays: true,
        retentionDays: true,
        timeZone: true,
        defaultCountry: true,
        allowCostlyNumbers: true,
        createdAt: true,
        domains: {
          select: { hostname: true, isPrimary: true, verifiedAt: true, retiring: true },
          orderBy: { isPrimary: "desc" },
        },
        _count: { select: { users: true, dids: true } },
      },
    }),
    opts.db.tenant.count({ where }),
  ]);
  return { items, total, page, pageSize } satisfies Page<(typeof items)[number]>;
}
