/** The caller ID of a fax: one of the tenant's DIDs — by default the sender's own first, else an unassigned one of the tenant's. */
import { toE164 } from "@/lib/phone";
import type { Tx } from "../db/scope";
import { badRequest } from "../errors";

export async function resolveCallerId(opts: {
  db: Tx;
  tenantId: string;
  userId: string;
  country: string;
  callerId: string | null | undefined;
}): Promise<string | null> {
  const { db, tenantId, userId } = opts;
  if (opts.callerId) {
    const number = toE164(opts.callerId, opts.country);
    const did = number ? await db.did.findFirst({ where: { tenantId, number }, select: { number: true } }) : null;
    if (!did) throw badRequest("Choose a caller ID from your organisation's fax numbers.", "callerId");
    return did.number;
  }
  // The sender's own numbers first, then the tenant's unassigned pool — never a number assigned to
  // someone else: it is theirs (faxes to it reach them), and a user may not even see it.
  const [first] = await db.$queryRaw<{ number: string }[]>`
    SELECT number FROM "Did" WHERE "tenantId" = ${tenantId}::uuid
      AND ("userId" IS NULL OR "userId" = ${userId}::uuid)
    ORDER BY ("userId" IS NOT DISTINCT FROM ${userId}::uuid) DESC, number LIMIT 1`;
  return first?.number ?? null;
}
