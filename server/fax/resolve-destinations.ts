/**
 * Destinations as typed → E.164 in the tenant's default country, refusing invalid, costly
 * (premium-rate, satellite … unless the organisation is allowed them) and blocked numbers
 * (FEATURES #19) before any job exists. Every bad entry is named, with its reason, in one message;
 * the same number typed twice is one fax (lib/fax-destinations.ts, as the form counts them).
 */

import { checkDestinations, destinationProblems } from "@/lib/fax-destinations";
import { FAX_STATUSES } from "@/lib/fax-statuses";
import type { Tx } from "../db/scope";
import { badRequest } from "../errors";

export async function resolveDestinations(opts: {
  db: Tx;
  tenantId: string;
  country: string;
  /** Tenant.allowCostlyNumbers: set by a platform admin only. */
  allowCostlyNumbers: boolean;
  destinations: string[];
}): Promise<string[]> {
  const { db, tenantId } = opts;
  const checked = checkDestinations(opts.destinations, opts);
  const problems = destinationProblems(checked);
  if (problems) throw badRequest(`${problems} Nothing was sent.`, "destinations");
  const numbers = checked.numbers;
  const blocked = await db.blockedNumber.findMany({
    where: { tenantId, number: { in: numbers } },
    select: { number: true },
    orderBy: { number: "asc" },
  });
  if (blocked.length) {
    const list = blocked.map((b) => b.number).join(", ");
    throw badRequest(
      `${FAX_STATUSES.BLOCKED.label}: ${list} ${blocked.length === 1 ? "is" : "are"} on your organisation's blocked-number list. Nothing was sent.`,
      "destinations",
    );
  }
  return numbers;
}
