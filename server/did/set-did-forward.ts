/**
 * "Fax to Email": incoming faxes on the number are also emailed to one address (they still
 * appear under Received Faxes). The number's user or an admin of its tenant may change it.
 */
import { TRPCError } from "@trpc/server";
import type { DidSetForwardInput } from "@/lib/schemas/did";
import type { Actor } from "../audit/record-audit";
import { notFound } from "../db/errors";
import type { Tx } from "../db/scope";
import { auditDid } from "./audit-did";
import type { DidCaller } from "./did-view";

export async function setDidForward(opts: {
  db: Tx;
  actor: Actor;
  caller: DidCaller;
  input: DidSetForwardInput;
  ip?: string;
}) {
  const { db, caller, input } = opts;
  // Row-level security already hides other tenants' numbers.
  const before = await db.did.findUnique({ where: { id: input.id }, select: { id: true, userId: true } });
  if (!before) throw notFound("DID");
  const admin = caller.role === "TENANT_ADMIN" || caller.role === "PLATFORM_ADMIN";
  if (!admin && before.userId !== caller.id) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "Only the number's user or a tenant admin can change its forwarding.",
    });
  }
  const forwardEmail = input.forward === "EMAIL" ? input.email : null;
  const did = await db.did.update({
    where: { id: before.id },
    data: { forward: input.forward, forwardEmail },
    select: { id: true, number: true, title: true, tenantId: true, userId: true, forward: true, forwardEmail: true },
  });
  await auditDid(db, {
    actor: opts.actor,
    ip: opts.ip,
    action: "did.forward",
    did,
    details: { forward: did.forward, forwardEmail },
  });
  return did;
}
