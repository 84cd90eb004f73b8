/**
 * The one entry point for doing work in a tenant's (or the platform's) name. tRPC procedures,
 * route handlers, job steps and gateway callbacks all call `runInScope`: one scoped transaction
 * (row-level security, see scope.ts), the person acting, audit rows written in that transaction,
 * and work queued to run only after it commits (mail, events, cache clearing) — a rollback
 * sends nothing.
 */
import type { Prisma, Role } from "@prisma/client";
import { forbidden } from "../errors";
import { type Scope, type Sql, type Tx, withScope } from "./scope";

/** The person acting. `null` where the system acts on its own (jobs, crons, gateway callbacks). */
export interface Actor {
  id: string;
  username: string;
  role: Role;
  tenantId: string | null;
  permissions: readonly string[];
}

export interface AuditEntry {
  tenantId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Prisma.InputJsonValue;
}

export interface ScopedContext {
  db: Tx;
  /** Plain SQL for hot reads, same scope and transaction (see `Sql` in scope.ts). */
  sql: Sql;
  scope: Scope;
  actor: Actor | null;
  ip: string | null;
  /** Writes an audit row in this transaction, signed by the actor. */
  audit(entry: AuditEntry): Promise<void>;
  /** Runs `task` once the transaction has committed; never if it rolls back. */
  afterCommit(task: () => unknown): void;
}

/** The context of work a person does (every administrative change): the actor is known. */
export type ActorContext = ScopedContext & { actor: Actor };

export interface RunOptions {
  scope: Scope;
  actor: Actor | null;
  ip?: string | null;
  /** A change of data: refused for read-only accounts. */
  write?: boolean;
}

export async function runInScope<T>(opts: RunOptions, fn: (ctx: ScopedContext) => Promise<T>): Promise<T> {
  if (opts.write && opts.actor?.permissions.includes("read-only")) throw forbidden("Your account is read-only.");
  const queued: (() => unknown)[] = [];
  const result = await withScope(opts.scope, (db, sql) => {
    const ctx: ScopedContext = {
      db,
      sql,
      scope: opts.scope,
      actor: opts.actor,
      ip: opts.ip ?? null,
      audit: (entry) => writeAudit(db, entry, opts.actor, opts.ip ?? null),
      afterCommit: (task) => void queued.push(task),
    };
    return fn(ctx);
  });
  // Committed: the queued work may now touch the outside world. One failure does not stop the rest.
  for (const task of queued) {
    try {
      await task();
    } catch (error) {
      console.error("after-commit task failed:", error);
    }
  }
  return result;
}

/** The scope an actor works in: their tenant, or the platform for platform admins. */
export function scopeOf(actor: Pick<Actor, "role" | "tenantId">): Scope {
  if (actor.role === "PLATFORM_ADMIN") return { kind: "platform" };
  if (!actor.tenantId) throw forbidden();
  return { kind: "tenant", tenantId: actor.tenantId };
}

/** One audit-log row per administrative change: who, what, when, which tenant. */
export async function writeAudit(
  db: Tx | Pick<Tx, "auditLog">,
  entry: AuditEntry,
  actor: (Pick<Actor, "id" | "username"> & Partial<Pick<Actor, "role">>) | null,
  ip: string | null,
): Promise<void> {
  await db.auditLog.create({
    data: {
      tenantId: entry.tenantId,
      actorId: actor?.id ?? null,
      actorName: actor?.username ?? "system",
      actorRole: actor?.role ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      details: entry.details ?? {},
      ip,
    },
  });
}
