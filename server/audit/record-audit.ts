/** One audit-log row per administrative change: who, what, when, which tenant. */
import type { Prisma } from "@prisma/client";
import type { Db } from "../db/client";
import type { Tx } from "../db/scope";

export interface Actor {
  id: string;
  username: string;
}

export async function recordAudit(
  db: Db | Tx,
  entry: {
    tenantId: string | null;
    actor: Actor | null;
    action: string;
    entityType: string;
    entityId?: string | null;
    details?: Prisma.InputJsonValue;
    ip?: string | null;
  },
): Promise<void> {
  await db.auditLog.create({
    data: {
      tenantId: entry.tenantId,
      actorId: entry.actor?.id ?? null,
      actorName: entry.actor?.username ?? "system",
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      details: entry.details ?? {},
      ip: entry.ip ?? null,
    },
  });
}
