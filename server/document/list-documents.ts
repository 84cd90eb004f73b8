/** The caller's documents (Mine) or, for organisation admins, the organisation's (All), newest first. */
import type { Prisma } from "@prisma/client";
import type { Page } from "@/lib/schemas/common";
import type { DocumentListInput } from "@/lib/schemas/document";
import type { ActorContext } from "../db/run-in-scope";
import { documentTenantOf } from "./document-access";
import { DOCUMENT_VIEW_SELECT, type DocumentView, documentView, myPublicKey } from "./document-view";

export async function listDocuments(opts: {
  ctx: ActorContext;
  input: DocumentListInput;
}): Promise<Page<DocumentView>> {
  const { ctx, input } = opts;
  const tenantId = documentTenantOf(ctx);
  const all = input.view === "all" && ctx.actor.role === "TENANT_ADMIN";
  const where: Prisma.DocumentWhereInput = {
    tenantId,
    ...(all ? {} : { ownerId: ctx.actor.id }),
    ...(input.readyOnly ? { status: "READY" } : input.status ? { status: input.status } : {}),
  };
  const [rows, total, publicKey] = await Promise.all([
    ctx.db.document.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: DOCUMENT_VIEW_SELECT,
    }),
    ctx.db.document.count({ where }),
    myPublicKey(ctx),
  ]);
  const items = await Promise.all(rows.map((row) => documentView(ctx, row, publicKey)));
  return { items, total, page: input.page, pageSize: input.pageSize };
}
