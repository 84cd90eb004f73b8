/**
 * The outbound list: a user sees their own faxes, an organisation admin the organisation's (row-level
 * security narrows both to the tenant). Platform admins have their own list (list-all-faxes.ts).
 */
import type { Prisma } from "@prisma/client";
import type { Page } from "@/lib/schemas/common";
import type { FaxListInput, FaxListStatus } from "@/lib/schemas/fax";
import type { ActorContext } from "../db/run-in-scope";
import { containsText, escapeLike } from "../db/search";
import { myPublicKey } from "../document/document-view";
import { forbidden } from "../errors";
import { type FaxJobView, faxJobSelect, toFaxJobView } from "./fax-view";

export const FAX_STATUS_WHERE: Record<Exclude<FaxListStatus, "all">, Prisma.FaxJobWhereInput> = {
  queued: { status: "QUEUED" },
  "in-progress": { status: "IN_PROGRESS" },
  delivered: { status: "SENT" },
  failed: { status: "FAILED" },
  cancelled: { status: "CANCELLED" },
};

/** Digits typed into a search match a destination or caller ID anywhere in the number. */
export function faxNumberSearch(search: string): Prisma.FaxJobWhereInput[] {
  const digits = search.replace(/\D/g, "");
  return digits ? [{ toNumber: { contains: escapeLike(digits) } }, { callerId: { contains: escapeLike(digits) } }] : [];
}

export async function listFaxes(opts: { ctx: ActorContext; input: FaxListInput }): Promise<Page<FaxJobView>> {
  const { db, actor } = opts.ctx;
  if (actor.role === "PLATFORM_ADMIN") {
    throw forbidden("Platform admins see every organisation's faxes under Administration → Sent faxes.");
  }
  const { search, page, pageSize, status } = opts.input;
  const and: Prisma.FaxJobWhereInput[] = [];
  if (actor.role === "USER") and.push({ userId: actor.id });
  if (status !== "all") and.push(FAX_STATUS_WHERE[status]);
  if (search) {
    and.push({
      // Titles are encrypted in the browser: the server cannot search them.
      OR: [...faxNumberSearch(search), { user: { username: containsText(search) } }],
    });
  }
  const where: Prisma.FaxJobWhereInput = { AND: and };
  const [rows, total, publicKey] = await Promise.all([
    db.faxJob.findMany({
      where,
      orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: faxJobSelect,
    }),
    db.faxJob.count({ where }),
    myPublicKey(opts.ctx),
  ]);
  const viewer = { ...actor, publicKey };
  return { items: rows.map((r) => toFaxJobView(r, { platform: false, viewer })), total, page, pageSize };
}
