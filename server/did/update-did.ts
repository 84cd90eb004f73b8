/** Renames a DID or moves it to another tenant; a move clears the user and their forwarding. */
import type { DidUpdateInput } from "@/lib/schemas/did";
import type { ActorContext } from "../db/run-in-scope";
import { notFound } from "../errors";
import { auditDid } from "./audit-did";
import { didSelect } from "./did-view";
import { requireTenant } from "./require-tenant";

export async function updateDid(opts: { ctx: ActorContext; input: DidUpdateInput }) {
  const { ctx, input } = opts;
  const { db } = ctx;
  const before = await db.did.findUnique({ where: { id: input.id } });
  if (!before) throw notFound("Fax number");
  const moved = before.tenantId !== input.tenantId;
  if (moved) await requireTenant(db, input.tenantId);
  const did = await db.did.update({
    where: { id: input.id },
    data: {
      title: input.title,
      tenantId: input.tenantId,
      // The old tenant's user and their forwarding address must not follow the number.
      ...(moved ? { userId: null, forward: "NONE" as const, forwardEmail: null } : {}),
    },
    select: didSelect,
  });
  await auditDid(ctx, {
    action: "did.update",
    did,
    previousTenantId: before.tenantId,
    details: {
      title: did.title,
      tenantId: did.tenantId,
      previousTenantId: before.tenantId,
      userCleared: moved && before.userId !== null,
    },
  });
  return did;
}
