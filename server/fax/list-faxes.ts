/**
 * The outbound list: a user sees their own faxes, an organisation admin the organisation's (row-level
 * security narrows both to the tenant), a platform admin every tenant's as metadata.
 */
import type { Prisma } from "@prisma/client";
import type { Page } from "@/lib/schemas/common";
import type { FaxListInput, FaxListStatus } from "@/lib/schemas/fax";
import type { ActorContext } from "../db/run-in-scope";
import { containsText, escapeLike } from "../db/search";
import { type FaxJobView, faxJobSelect, toFaxJobView } from "./fax-view";

const STATUS_WHERE: Record<Exclude<FaxListStatus, "all">, Prisma.FaxJobWhereInput> = {
  queued: { status: "QUEUED" },
  "in-progress": { status: "IN_PROGRESS" },
  delivered: { status: "SENT" },
  failed: { status: "FAILED" },
  cancelled: { status: "CANCELLED" },
};

export async function listFaxes(opts: { ctx: ActorContext; input: FaxListInput }): Promise<Page<FaxJobView>> {
  const { db, actor } = opts.ctx;
  const { search, page, pageSize, status, tenantId } = opts.input;
  const platform = actor.role === "PLATFORM_ADMIN";
  const and: Prisma.FaxJobWhereInput[] = [];
  if (actor.role === "USER") and.push({ userId: actor.id });
  if (platform && tenantId) and.push({ tenantId });
  if (status !== "all") and.push(STATUS_WHERE[status]);
  if (search) {
    const digits = search.replace(/\D/g, "");
    and.push({
      OR: [
        ...(digits
          ? [{ toNumber: { contains: escapeLike(digits) } }, { callerId: { contains: escapeLike(digits) } }]
          : []),
        ...(platform ? [{ tenant: { name: containsText(search) } }] : [{ title: containsText(search) }]),
        { user: { username: containsText(search) } },
      ],
    });
  }
  const where: Prisma.FaxJobWhereInput = { AND: and };
  const [rows, total] = await Promise.all([
    opts.ctx.db.faxJob.findMany({
      where,
      orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: faxJobSelect,
    }),
    db.faxJob.count({ where }),
  ]);
  return { items: rows.map((r) => toFaxJobView(r, { platform })), total, page, pageSize };
}
