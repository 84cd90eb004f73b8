/** Removes a DID; faxes received on it stay, with the number link cleared. */

import type { ActorContext } from "../db/run-in-scope";
import { notFound } from "../errors";
import { auditDid } from "./audit-did";

export async function deleteDid(opts: { ctx: ActorContext; id: string }) {
  const { ctx } = opts;
  const { db } = ctx;
  const did = await db.did.findUnique({
    where: { id: opts.id },
    select: { id: true, number: true, tenantId: true },
  });
  if (!did) throw notFound("Fax number");
  await db.did.delete({ where: { id: did.id } });
  await auditDid(ctx, { action: "did.delete", did });
}
