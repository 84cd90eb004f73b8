/** Renames a DID or moves it to another tenant; a move clears the user and their forwarding. */
import type { DidUpdateInput } from "@/lib/schemas/did";
import type { Actor } from "../audit/record-audit";
import { notFound } from "../db/errors";
import type { Tx } from "../db/scope";
import { auditDid } from "./audit-did";
import { didSelect } from "./did-view";
import { requireTenant } from "./require-tenant";

export async function updateDid(opts: { db: Tx; actor: Actor; input: DidUpdateInput; ip?: string }) {
  const { input } = opts;
  const before = await opts.db.did.findUnique({ where: { id: input.id } });
  if (!before) throw notFound("DID");
  const moved = before.tenantId !== input.tenantId;
  if (moved) await requireTenant(opts.db, input.tenantId);
  const did = await opts.db.did.update({
    where: { id: input.id },
    data: {
      title: input.title,
      tenantId: input.tenantId,
      // The old tenant's user and their forwarding address must not follow the number.
      ...(moved ? { userId: null, forward: "NONE" as const, forwardEmail: null } : {}),
    },
    select: didSelect,
  });
  await auditDid(opts.db, {
    actor: opts.actor,
    ip: opts.ip,
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
