/**
 * tRPC setup, top to bottom: initialisation → procedures.
 *  - publicProcedure: anyone (sign-in helpers, password reset).
 *  - protectedProcedure: a signed-in person on their own portal; runs inside `runInScope`, so
 *    `ctx.db` only sees the caller's tenant (row-level security) and the whole procedure is one
 *    transaction, with `ctx.afterCommit` for work that must wait for the commit.
 *  - tenantAdminProcedure / platformAdminProcedure: the same, for those roles.
 * Services throw DomainError (server/errors.ts); it becomes a TRPCError here and nowhere else.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { RoleName } from "@/lib/roles";
import { isOnOwnPortal } from "../auth/own-portal";
import { runInScope, scopeOf } from "../db/run-in-scope";
import { DomainError } from "../errors";
import { profiling, timedSync } from "../http/request-profile";
import type { Context } from "./context";

export interface Meta {
  /** Allowed while the person must still change their password (e.g. changing it). */
  allowDuringPasswordChange?: boolean;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: profiling
      ? {
          serialize: (value: unknown) => timedSync("serialize", () => superjson.serialize(value)),
          deserialize: (value: unknown) => superjson.deserialize(value as Parameters<typeof superjson.deserialize>[0]),
        }
      : superjson,
    errorFormatter({ shape, error }) {
      const zodError = error.cause instanceof ZodError ? error.cause : null;
      const domainError = error.cause instanceof DomainError ? error.cause : null;
      const fieldErrors = zodError
        ? Object.fromEntries(zodError.issues.map((i) => [i.path.join("."), i.message]))
        : domainError?.field
          ? { [domainError.field]: domainError.message }
          : null;
      return {
        ...shape,
        message: zodError ? zodError.issues.map((i) => i.message).join("; ") : shape.message,
        data: { ...shape.data, fieldErrors },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** The edge where the domain's errors become tRPC's. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapDomainErrors);

const signedIn = t.middleware(({ ctx, meta, next }) => {
  const user = ctx.user;
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  // A session belongs to the portal it was made on: tenant users on their tenant's host.
  if (!isOnOwnPortal(user, ctx.host))
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in on this site." });
  if (user.mustChangePassword && !meta?.allowDuringPasswordChange) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Change your password to continue." });
  }
  return next({ ctx: { user, actor: user } });
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
  const write = type === "mutation";
  return runInScope({ scope: scopeOf(ctx.actor), actor: ctx.actor, ip: ctx.ip, write }, async (scopedCtx) => {
    const outcome = await next({ ctx: { ...scopedCtx, actor: ctx.actor } });
    if (!outcome.ok) throw outcome.error; // rolls the transaction back; tRPC reports the same error
    return outcome;
  });
});

export const protectedProcedure = publicProcedure.use(scoped);
export const tenantAdminProcedure = publicProcedure.use(requireRole("TENANT_ADMIN", "PLATFORM_ADMIN")).use(scoped);
export const platformAdminProcedure = publicProcedure.use(requireRole("PLATFORM_ADMIN")).use(scoped);
