/** The audit log, newest first. Row-level security already limits a tenant admin to their tenant. */
import type { Prisma } from "@prisma/client";
import type { AuditListInput } from "@/lib/schemas/audit";
import type { Page } from "@/lib/schemas/common";
import type { Scope, Tx } from "../db/scope";
import { containsText } from "../db/search";

export async function listAudit(opts: { db: Tx; scope: Scope; input: AuditListInput }) {
  const { search, action, from, to, page, pageSize } = opts.input;
  const where: Prisma.AuditLogWhereInput = {
    // Also stated here so the query uses the (tenantId, createdAt) index.
    ...(opts.scope.kind === "tenant" ? { tenantId: opts.scope.tenantId } : {}),
    ...(action ? { action: { startsWith: action, mode: "insensitive" } } : {}),
    ...(from || to ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } } : {}),
    ...(search
      ? {
          OR: [
            { action: containsText(search) },
            { actorName: containsText(search) },
            { entityType: containsText(search) },
          ],
        }
      : {}),
  };
  const [items, total] = await Promise.all([
    opts.db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        createdAt: true,
        actorName: true,
        action: true,
        entityType: true,
        entityId: true,
        details: true,
        ip: true,
        tenant: { select: { name: true } },
      },
    }),
    opts.db.auditLog.count({ where }),
  ]);
  return { items, total, page, pageSize } satisfies Page<(typeof items)[number]>;
}
