/**
 * "Fax to Email": incoming faxes on the number are also emailed to one address (they still
 * appear under Received Faxes). The number's user or an admin of its tenant may change it.
 */
import type { DidSetForwardInput } from "@/lib/schemas/did";
import type { ActorContext } from "../db/run-in-scope";
import { forbidden, notFound } from "../errors";
import { auditDid } from "./audit-did";

export async function setDidForward(opts: { ctx: ActorContext; input: DidSetForwardInput }) {
  const { ctx, input } = opts;
  const { db, actor } = ctx;
  // Row-level security already hides other tenants' numbers.
  const before = await db.did.findUnique({ where: { id: input.id }, select: { id: true, userId: true } });
  if (!before) throw notFound("Fax number");
  const admin = actor.role === "TENANT_ADMIN" || actor.role === "PLATFORM_ADMIN";
  if (!admin && before.userId !== actor.id) {
    throw forbidden("Only the number's user or an organisation admin can change its forwarding.");
  }
  const forwardEmail = input.forward === "EMAIL" ? input.email : null;
  const did = await db.did.update({
    where: { id: before.id },
    data: { forward: input.forward, forwardEmail },
    select: { id: true, number: true, title: true, tenantId: true, userId: true, forward: true, forwardEmail: true },
  });
  await auditDid(ctx, { action: "did.forward", did, details: { forward: did.forward, forwardEmail } });
  return did;
}
