/** Removes a DID; faxes received on it stay, with the number link cleared. */
import type { Actor } from "../audit/record-audit";
import { notFound } from "../db/errors";
import type { Tx } from "../db/scope";
import { auditDid } from "./audit-did";

export async function deleteDid(opts: { db: Tx; actor: Actor; id: string; ip?: string }) {
  const did = await opts.db.did.findUnique({
    where: { id: opts.id },
    select: { id: true, number: true, tenantId: true },
  });
  if (!did) throw notFound("DID");
  await opts.db.did.delete({ where: { id: did.id } });
  await auditDid(opts.db, { actor: opts.actor, ip: opts.ip, action: "did.delete", did });
}
