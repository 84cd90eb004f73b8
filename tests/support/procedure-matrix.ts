/**
 * What the isolation matrices share: every procedure of the router, the least role its builder
 * lets through (read from which builder of server/trpc/init.ts it was made with — no list to keep
 * up to date), and calling procedures with generated inputs aimed at a victim's ids and values.
 */
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { RoleName } from "@/lib/roles";
import * as init from "../../server/trpc/init";
import { appRouter } from "../../server/trpc/root";
import type { callerFor } from "./fixtures";
import { inputSchemaOf, sampleFor, type Victim } from "./sample-input";

export type Caller = Awaited<ReturnType<typeof callerFor>>;
export type Access = "public" | RoleName;

export const procedures = Object.entries(
  (appRouter._def as unknown as { procedures: Record<string, unknown> }).procedures,
);

/**
 * Who each builder of server/trpc/init.ts lets through. A new builder must be named here (a test
 * checks every exported `…Procedure`), so a new kind of access cannot go unchecked.
 */
export const ACCESS_OF_BUILDER: Record<string, Access> = {
  publicProcedure: "public",
  protectedProcedure: "USER",
  tenantAdminProcedure: "TENANT_ADMIN",
  platformAdminProcedure: "PLATFORM_ADMIN",
};

const RANK: Record<Access, number> = { public: 0, USER: 1, TENANT_ADMIN: 2, PLATFORM_ADMIN: 3 };

/** True when `role` may call a procedure that needs `access`. */
export function mayCall(role: Access, access: Access): boolean {
  return RANK[role] >= RANK[access];
}

export const builderNames = () => Object.keys(init).filter((k) => k.endsWith("Procedure"));

const middlewaresOf = (p: unknown) => (p as { _def: { middlewares: unknown[] } })._def.middlewares;

/**
 * The access a procedure demands: the strictest builder whose middlewares it starts with. A
 * procedure built from none of them throws, naming itself.
 */
export function accessOf(path: string, procedure: unknown): Access {
  const own = middlewaresOf(procedure);
  let found: Access | undefined;
  for (const [name, access] of Object.entries(ACCESS_OF_BUILDER)) {
    const builder = (init as unknown as Record<string, unknown>)[name];
    if (!builder) throw new Error(`server/trpc/init.ts no longer exports ${name}; update ACCESS_OF_BUILDER`);
    const prefix = middlewaresOf(builder);
    if (prefix.every((m, i) => own[i] === m) && (found === undefined || RANK[access] > RANK[found])) found = access;
  }
  if (!found) throw new Error(`${path} is built from no procedure builder of server/trpc/init.ts`);
  return found;
}

export async function call(caller: Caller, path: string, input: unknown) {
  let fn: unknown = caller;
  for (const part of path.split(".")) fn = (fn as Record<string, unknown>)[part];
  return (fn as (i: unknown) => Promise<unknown>)(input);
}

export type Outcome = { path: string; input?: unknown; result?: unknown; error?: unknown };

/** Calls one procedure once per victim (once with no input when it takes none). */
export async function attackOne(caller: Caller, path: string, procedure: unknown, victims: Victim[]) {
  const schema = inputSchemaOf(procedure);
  const inputs = schema ? victims.map((v) => sampleFor(schema, v)) : [undefined];
  const outcomes: Outcome[] = [];
  for (const input of inputs) {
    try {
      outcomes.push({ path, input, result: await call(caller, path, input) });
    } catch (error) {
      outcomes.push({ path, input, error });
    }
  }
  return outcomes;
}

/** Calls every procedure; `between` runs after each procedure's calls (e.g. to see what it changed). */
export async function attack(caller: Caller, victims: Victim[], between?: (path: string) => Promise<void>) {
  const outcomes: Outcome[] = [];
  for (const [path, procedure] of procedures) {
    outcomes.push(...(await attackOne(caller, path, procedure, victims)));
    await between?.(path);
  }
  return outcomes;
}

/** The markers found in what came back (or in the error message), bar text the caller sent itself. */
export function leaksIn(outcome: Outcome, markers: string[], idMarkers: Set<string>): string[] {
  const text = JSON.stringify(outcome.result ?? (outcome.error as Error | undefined)?.message ?? "");
  // Text the caller sent may come back (a created record, "x is already taken"); ids never may.
  const sent = JSON.stringify(outcome.input ?? "");
  return markers.filter((m) => text.includes(m) && (idMarkers.has(m) || !sent.includes(m)));
}

export const isInputError = (e: unknown) => e instanceof TRPCError && e.cause instanceof ZodError;
export const isInternal = (e: unknown) => !(e instanceof TRPCError) || e.code === "INTERNAL_SERVER_ERROR";
export const codeOf = (o: Outcome) =>
  o.error === undefined ? "OK" : o.error instanceof TRPCError ? o.error.code : "THROWN";

/** Ids by field name: `tenantId`, `userId`, `ownerId`, and `<table>Id` for every table (its first id). */
export function idsByKeyFrom(ids: Map<string, string[]>, preferred: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [table, list] of ids) {
    if (list[0]) out[`${table[0]!.toLowerCase()}${table.slice(1)}Id`] = list[0];
  }
  return { ...out, ...preferred };
}

/**
 * Every procedure the isolation matrices are known to reach, by hand. A test compares it with the
 * router: a procedure added without an entry here fails until someone has looked at what the matrix
 * does with it (its generated inputs get past validation, tests/support/sample-input.ts) and added it.
 */
export const MATRIX_PROCEDURES: readonly string[] = [
  "audit.list",
  "auth.changePassword",
  "auth.me",
  "auth.myPasswordParams",
  "auth.passwordPolicy",
  "auth.requestPasswordReset",
  "auth.resetParams",
  "auth.resetPassword",
  "auth.signInParams",
  "branding.approveDomain",
  "branding.domainAvailable",
  "branding.get",
  "branding.removeLogo",
  "branding.update",
  "branding.uploadLogo",
  "branding.verifyDomain",
  "dashboard.overview",
  "did.assign",
  "did.bulkCreate",
  "did.create",
  "did.delete",
  "did.list",
  "did.mine",
  "did.setForward",
  "did.update",
  "document.create",
  "document.delete",
  "document.get",
  "document.list",
  "document.rename",
  "fax.automaticCallerId",
  "fax.cancel",
  "fax.gatewayKey",
  "fax.get",
  "fax.list",
  "fax.listAll",
  "fax.report",
  "fax.resend",
  "fax.resultEmail",
  "fax.send",
  "fax.setResultEmail",
  "job.cancel",
  "job.get",
  "job.list",
  "job.retry",
  "keys.mine",
  "keys.setUp",
  "mail.get",
  "mail.list",
  "securityPolicy.get",
  "securityPolicy.requirePasswordChangeForAll",
  "securityPolicy.update",
  "tenant.create",
  "tenant.delete",
  "tenant.get",
  "tenant.list",
  "tenant.mine",
  "tenant.setCountry",
  "tenant.setCoverNotice",
  "tenant.setRetention",
  "tenant.setTimeZone",
  "tenant.update",
  "tenantKeys.confirmRecoveryCode",
  "tenantKeys.documentsToRegrant",
  "tenantKeys.grant",
  "tenantKeys.recover",
  "tenantKeys.recoveryBox",
  "tenantKeys.replaceRecoveryCode",
  "tenantKeys.setUp",
  "tenantKeys.state",
  "tenantKeys.waiting",
  "trunk.create",
  "trunk.delete",
  "trunk.drivers",
  "trunk.get",
  "trunk.list",
  "trunk.update",
  "user.create",
  "user.delete",
  "user.get",
  "user.list",
  "user.lock",
  "user.newPasswordRules",
  "user.passwordParams",
  "user.requirePasswordChange",
  "user.sendWelcome",
  "user.setPassword",
  "user.unlock",
  "user.update",
];
