/**
 * tRPC setup, top to bottom: initialisation → procedures.
 *  - publicProcedure: anyone (sign-in helpers, password reset).
 *  - protectedProcedure: a signed-in person; runs inside `withScope`, so `ctx.db` only sees the
 *    caller's tenant (row-level security) and the whole procedure is one transaction.
 *  - tenantAdminProcedure / platformAdminProcedure: the same, for those roles.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { RoleName } from "@/lib/roles";
import type { Actor } from "../audit/record-audit";
import { recordAudit } from "../audit/record-audit";
import { type Scope, type Tx, withScope } from "../db/scope";
import { invalidateHostCache } from "../tenant/resolve-tenant";
import type { Context } from "./context";

export interface Meta {
  /** Allowed while the person must still change their password (e.g. changing it). */
  allowDuringPasswordChange?: boolean;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const zodError = error.cause instanceof ZodError ? error.cause : null;
      return {
        ...shape,
        message: zodError ? zodError.issues.map((i) => i.message).join("; ") : shape.message,
        data: {
          ...shape.data,
          fieldErrors: zodError ? Object.fromEntries(zodError.issues.map((i) => [i.path.join("."), i.message])) : null,
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

const signedIn = t.middleware(({ ctx, meta, next }) => {
  const user = ctx.user;
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  // A session belongs to the portal it was made on: tenant users on their tenant's host.
  const host = ctx.host;
  const onOwnPortal =
    user.role === "PLATFORM_ADMIN"
      ? host.kind === "platform"
      : host.kind === "tenant" && host.tenant.id === user.tenantId;
  if (!onOwnPortal) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in on this site." });
  if (user.mustChangePassword && !meta?.allowDuringPasswordChange) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Change your password to continue." });
  }
  const actor: Actor = { id: user.id, username: user.username };
  return next({ ctx: { user, actor } });
});

function requireRole(...roles: RoleName[]) {
  return t.middleware(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
    if (!roles.includes(ctx.user.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "You do not have access to this." });
    }
    return next();
  });
}

/** Runs the rest of the procedure in one scoped transaction; a failed procedure rolls back. */
const scoped = signedIn.unstable_pipe(async ({ ctx, type, next }) => {
  if (type === "mutation" && ctx.user.permissions.includes("read-only")) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Your account is read-only." });
  }
  const scope: Scope =
    ctx.user.role === "PLATFORM_ADMIN" ? { kind: "platform" } : { kind: "tenant", tenantId: ctx.user.tenantId! };
  const result = await withScope(scope, async (db: Tx) => {
    const audit = (entry: Omit<Parameters<typeof recordAudit>[1], "actor" | "ip">) =>
      recordAudit(db, { ...entry, actor: ctx.actor, ip: ctx.ip });
    const outcome = await next({ ctx: { db, scope, audit } });
    if (!outcome.ok) throw outcome.error; // rolls the transaction back; tRPC reports the same error
    return outcome;
  });
  // A committed change may alter a brand or domain: forget cached host lookups now, not in 5 s.
  if (type === "mutation") invalidateHostCache();
  return result;
});

export const protectedProcedure = t.procedure.use(scoped);
export const tenantAdminProcedure = t.procedure.use(requireRole("TENANT_ADMIN", "PLATFORM_ADMIN")).use(scoped);
export const platformAdminProcedure = t.procedure.use(requireRole("PLATFORM_ADMIN")).use(scoped);
