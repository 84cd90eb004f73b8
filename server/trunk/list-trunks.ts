import type { Prisma } from "@prisma/client";
import type { ListInput, Page } from "@/lib/schemas/common";
import type { Tx } from "../db/scope";
import { containsText, escapeLike } from "../db/search";
import { type TrunkView, toTrunkView, trunkSelect } from "./trunk-view";

export async function listTrunks(opts: { db: Tx; input: ListInput }): Promise<Page<TrunkView>> {
  const { search, page, pageSize } = opts.input;
  const where: Prisma.TrunkWhereInput = search
    ? { OR: [{ name: containsText(search) }, { host: { contains: escapeLike(search.toLowerCase()) } }] }
    : {};
  const [rows, total] = await Promise.all([
    opts.db.trunk.findMany({
      where,
      orderBy: { name: "asc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: trunkSelect,
    }),
    opts.db.trunk.count({ where }),
  ]);
  return { items: rows.map(toTrunkView), total, page, pageSize };
}
