/** Platform admins: every organisation's outbound faxes, newest first, as metadata only. */
import type { Prisma } from "@prisma/client";
import type { Page } from "@/lib/schemas/common";
import type { FaxPlatformListInput } from "@/lib/schemas/fax";
import type { ActorContext } from "../db/run-in-scope";
import { containsText } from "../db/search";
import { forbidden } from "../errors";
import { FAX_STATUS_WHERE, faxNumberSearch } from "./list-faxes";
import { type PlatformFaxView, platformFaxSelect, toPlatformFaxView } from "./platform-fax-view";

export async function listAllFaxes(opts: {
  ctx: ActorContext;
  input: FaxPlatformListInput;
}): Promise<Page<PlatformFaxView>> {
  const { db, actor } = opts.ctx;
  if (actor.role !== "PLATFORM_ADMIN") throw forbidden();
  const { search, page, pageSize, status, tenantId } = opts.input;
  const and: Prisma.FaxJobWhereInput[] = [];
  if (tenantId) and.push({ tenantId });
  if (status !== "all") and.push(FAX_STATUS_WHERE[status]);
  if (search) {
    and.push({
      OR: [
        ...faxNumberSearch(search),
        { tenant: { name: containsText(search) } },
        { user: { username: containsText(search) } },
      ],
    });
  }
  const where: Prisma.FaxJobWhereInput = { AND: and };
  const [rows, total] = await Promise.all([
    db.faxJob.findMany({
      where,
      orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: platformFaxSelect,
    }),
    db.faxJob.count({ where }),
  ]);
  return { items: rows.map(toPlatformFaxView), total, page, pageSize };
}
