/**
 * Destinations as typed → E.164 in the tenant's default country, refusing invalid, costly
 * (premium-rate, satellite … unless the organisation is allowed them) and blocked numbers
 * (FEATURES #19) before any job exists. Every bad entry is named in one message.
 */
import { FAX_STATUSES } from "@/lib/fax-statuses";
import { costlyNumberKind, costlyNumberReason, formatPhone, toE164 } from "@/lib/phone";
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
  const { db, tenantId, country } = opts;
  const invalid: string[] = [];
  const numbers: string[] = [];
  for (const raw of opts.destinations) {
    const e164 = toE164(raw, country);
    if (!e164) invalid.push(raw);
    else if (!numbers.includes(e164)) numbers.push(e164);
  }
  if (invalid.length) {
    const list = invalid.map((n) => `"${n}"`).join(", ");
    throw badRequest(
      `${FAX_STATUSES.INVALID_NUMBER.label}: ${list} ${invalid.length === 1 ? "is not a valid fax number" : "are not valid fax numbers"}. Nothing was sent.`,
      "destinations",
    );
  }
  if (!opts.allowCostlyNumbers) {
    // One sentence per kind, naming its numbers.
    const byReason = new Map<string, string[]>();
    for (const n of numbers) {
      const kind = costlyNumberKind(n);
      if (kind)
        byReason.set(costlyNumberReason(kind), [...(byReason.get(costlyNumberReason(kind)) ?? []), formatPhone(n)]);
    }
    if (byReason.size) {
      const sentences = [...byReason].map(([reason, list]) => `${reason}: ${list.join(", ")}.`);
      throw badRequest(`${sentences.join(" ")} Nothing was sent.`, "destinations");
    }
  }
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
