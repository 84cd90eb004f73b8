/**
 * Gives a DID to a tenant and/or one of its users. Platform admins may move numbers between
 * tenants; a tenant admin only hands out (or takes back) numbers of its own pool — row-level
 * security hides every other DID and user from it.
 */
import type { DidAssignInput } from "@/lib/schemas/did";
import type { ActorContext } from "../db/run-in-scope";
import { badRequest, forbidden, notFound } from "../errors";
import { auditDid } from "./audit-did";
import { didSelect } from "./did-view";
import { requireTenant } from "./require-tenant";

export async function assignDid(opts: { ctx: ActorContext; input: DidAssignInput }) {
  const { ctx, input } = opts;
  const { db, actor } = ctx;
  const before = await db.did.findUnique({ where: { id: input.id } });
  if (!before) throw notFound("Fax number");

  let tenantId = before.tenantId;
  if (input.tenantId !== undefined && input.tenantId !== before.tenantId) {
    if (actor.role !== "PLATFORM_ADMIN") {
      throw forbidden("Only platform admins can move a number to another organisation.");
    }
    await requireTenant(db, input.tenantId);
    tenantId = input.tenantId;
  }
  if (input.userId) {
    if (!tenantId) throw badRequest("Give this number to an organisation before assigning it to a user.");
    const user = await db.user.findUnique({ where: { id: input.userId }, select: { tenantId: true } });
    if (!user || user.tenantId !== tenantId)
      throw badRequest("That user does not belong to this number's organisation.", "userId");
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
  await auditDid(ctx, {
    action: "did.assign",
    did,
    previousTenantId: before.tenantId,
    details: { tenantId, userId, username: did.user?.username ?? null, previousUserId: before.userId },
  });
  return did;
}
