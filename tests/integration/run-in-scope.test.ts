/**
 * The one scoped entry point: work queued with afterCommit runs only once the transaction has
 * committed (never after a rollback), audit rows carry the actor, read-only accounts cannot write,
 * and the domain's errors reach tRPC callers with their code and field.
 */
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db/client";
import { type Actor, runInScope, scopeOf } from "../../server/db/run-in-scope";
import { badRequest, DomainError } from "../../server/errors";
import { callerFor, makePlatformAdmin, makeTenant } from "../support/fixtures";

let acme: Awaited<ReturnType<typeof makeTenant>>;
let actor: Actor;

beforeAll(async () => {
  await makePlatformAdmin();
  acme = await makeTenant("Scope Clinic", "scope.localhost");
  actor = { ...acme.admin, permissions: [] };
});

describe("runInScope", () => {
  it("runs after-commit work only once the transaction has committed", async () => {
    const seen: string[] = [];
    await runInScope({ scope: scopeOf(actor), actor, ip: "10.1.1.1" }, async (ctx) => {
      await ctx.db.did.create({ data: { number: "+12125550900", tenantId: acme.tenant.id } });
      ctx.afterCommit(async () => {
        // Another connection already sees the row: the work runs after COMMIT, not before.
        const row = await getDb().did.findUnique({ where: { number: "+12125550900" } });
        seen.push(row ? "committed" : "not yet");
      });
      seen.push("in transaction");
    });
    expect(seen).toEqual(["in transaction", "committed"]);
  });

  it("drops after-commit work when the transaction rolls back", async () => {
    const seen: string[] = [];
    await expect(
      runInScope({ scope: scopeOf(actor), actor }, async (ctx) => {
        await ctx.db.did.create({ data: { number: "+12125550901", tenantId: acme.tenant.id } });
        ctx.afterCommit(() => seen.push("sent mail"));
        throw badRequest("Something the person must fix.", "number");
      }),
    ).rejects.toThrow(DomainError);
    expect(seen).toEqual([]);
    expect(await getDb().did.findUnique({ where: { number: "+12125550901" } })).toBeNull();
  });

  it("keeps running later after-commit work when one task fails", async () => {
    const seen: string[] = [];
    const quiet = console.error;
    console.error = () => {};
    try {
      const result = await runInScope({ scope: scopeOf(actor), actor }, async (ctx) => {
        ctx.afterCommit(() => {
          throw new Error("mail server down");
        });
        ctx.afterCommit(() => seen.push("cache cleared"));
        return "done";
      });
      expect(result).toBe("done");
    } finally {
      console.error = quiet;
    }
    expect(seen).toEqual(["cache cleared"]);
  });

  it("signs audit rows with the actor and address, in the tenant's scope", async () => {
    await runInScope({ scope: scopeOf(actor), actor, ip: "10.2.2.2" }, (ctx) =>
      ctx.audit({ tenantId: acme.tenant.id, action: "test.scoped", entityType: "Test" }),
    );
    const row = await getDb().auditLog.findFirstOrThrow({ where: { action: "test.scoped" } });
    expect(row).toMatchObject({ actorId: acme.admin.id, actorName: acme.admin.username, ip: "10.2.2.2" });
  });

  it("records the system as the actor when nobody is acting", async () => {
    await runInScope({ scope: { kind: "tenant", tenantId: acme.tenant.id }, actor: null }, (ctx) =>
      ctx.audit({ tenantId: acme.tenant.id, action: "test.system", entityType: "Test" }),
    );
    const row = await getDb().auditLog.findFirstOrThrow({ where: { action: "test.system" } });
    expect(row).toMatchObject({ actorId: null, actorName: "system" });
  });

  it("refuses a change of data by a read-only account before touching the database", async () => {
    const readOnly: Actor = { ...actor, permissions: ["read-only"] };
    let ran = false;
    await expect(
      runInScope({ scope: scopeOf(readOnly), actor: readOnly, write: true }, async () => {
        ran = true;
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: "Your account is read-only." });
    expect(ran).toBe(false);
  });

  it("sees only the actor's tenant", async () => {
    const other = await makeTenant("Other Labs", "other-scope.localhost");
    await getDb().did.create({ data: { number: "+12125550902", tenantId: other.tenant.id } });
    const seen = await runInScope({ scope: scopeOf(actor), actor }, (ctx) =>
      ctx.db.did.findMany({ select: { number: true } }),
    );
    expect(seen.map((d) => d.number)).not.toContain("+12125550902");
  });
});

describe("domain errors at the tRPC edge", () => {
  it("arrive with their code, message and field", async () => {
    const caller = await callerFor(acme.admin.id, acme.hostname);
    const error = await caller.tenant.setRetention({ retentionDays: 400 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: "BAD_REQUEST", message: "Retention must be between 1 and 8 days." });
    expect((error as TRPCError).cause).toMatchObject({ field: "retentionDays" });
  });
});
