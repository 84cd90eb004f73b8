/**
 * Gives a DID to a tenant and/or one of its users. Platform admins may move numbers between
 * tenants; a tenant admin only hands out (or takes back) numbers of its own pool — row-level
 * security hides every other DID and user from it.
 */
import { TRPCError } from "@trpc/server";
import type { DidAssignInput } from "@/lib/schemas/did";
import type { Actor } from "../audit/record-audit";
import { badRequest, notFound } from "../db/errors";
import type { Tx } from "../db/scope";
import { auditDid } from "./audit-did";
import { type DidCaller, didSelect } from "./did-view";
import { requireTenant } from "./require-tenant";

export async function assignDid(opts: { db: Tx; actor: Actor; caller: DidCaller; input: DidAssignInput; ip?: string }) {
  const { db, input } = opts;
  const before = await db.did.findUnique({ where: { id: input.id } });
  if (!before) throw notFound("DID");

  let tenantId = before.tenantId;
  if (input.tenantId !== undefined && input.tenantId !== before.tenantId) {
    if (opts.caller.role !== "PLATFORM_ADMIN") {
      throw new TRPCError({ code: "FORBIDDEN", message: "Only platform admins can move a number to another tenant." });
    }
    await requireTenant(db, input.tenantId);
    tenantId = input.tenantId;
  }
  if (input.userId) {
    if (!tenantId) throw badRequest("Give this number to a tenant before assigning it to a user.");
    const user = await db.user.findUnique({ where: { id: input.userId }, select: { tenantId: true } });
    if (!user || user.tenantId !== tenantId) throw badRequest("That user does not belong to this number's tenant.");
  }
  // userId left out keeps the user, unless the number changes tenant: it cannot keep the old tenant's user.
  const userId = input.userId !== undefined ? input.userId : tenantId === before.tenantId ? before.userId : null;
  const userChanged = userId !== before.userId;

  const did = await db.did.update({
    where: { id: before.id },
    data: {
      tenantId,
      userId,
      // Forwarding is the previous holder's choice (their mailbox); a new holder starts without it.
      ...(userChanged || tenantId !== before.tenantId ? { forward: "NONE" as const, forwardEmail: null } : {}),
    },
    select: didSelect,
  });
  await auditDid(db, {
    actor: opts.actor,
    ip: opts.ip,
    action: "did.assign",
    did,
    previousTenantId: before.tenantId,
    details: { tenantId, userId, username: did.user?.username ?? null, previousUserId: before.userId },
  });
  return did;
}
