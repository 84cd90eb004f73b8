/**
 * The audit log, newest first. Row-level security already limits a tenant admin to their tenant.
 * Each entry carries the names people read: the actor's full name (or "Platform admin" where the
 * viewer cannot see that person), the user an entry is about, and the organisation's time zone.
 */
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
        actorId: true,
        actorName: true,
        actorRole: true,
        action: true,
        entityType: true,
        entityId: true,
        details: true,
        ip: true,
        tenant: { select: { name: true, timeZone: true } },
      },
    }),
    opts.db.auditLog.count({ where }),
  ]);
  // People named by the page's entries, in one query (only those this viewer may see).
  const ids = new Set<string>();
  for (const i of items) {
    if (i.actorId) ids.add(i.actorId);
    if (i.entityType === "User" && i.entityId && UUID.test(i.entityId)) ids.add(i.entityId);
  }
  const people = ids.size
    ? await opts.db.user.findMany({
        where: { id: { in: [...ids] } },
        select: { id: true, username: true, firstName: true, lastName: true },
      })
    : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  // The actor's id stays here: an organisation's log must not hand out a platform admin's id.
  const named = items.map(({ actorId, ...i }) => {
    const actor = actorId ? byId.get(actorId) : undefined;
    const subject = i.entityType === "User" && i.entityId ? byId.get(i.entityId) : undefined;
    return {
      ...i,
      actorDisplay: !actorId
        ? null
        : actor
          ? displayName(actor)
          : i.actorRole === "PLATFORM_ADMIN"
            ? "Platform admin"
            : i.actorName,
      subjectName: subject?.username ?? null,
    };
  });
  return { items: named, total, page, pageSize } satisfies Page<(typeof named)[number]>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function displayName(p: { username: string; firstName: string; lastName: string }): string {
  return `${p.firstName} ${p.lastName}`.trim() || p.username;
}
