/**
 * A tenant's daily and monthly fax limits, checked and taken in the transaction that creates the
 * jobs. A per-tenant advisory lock makes concurrent senders queue here; each then counts what is
 * already committed (READ COMMITTED: the count after the lock sees every earlier holder's jobs),
 * so at the boundary exactly the remainder is admitted and nothing is half-created.
 * Days and months are UTC.
 */
import type { Tx } from "../db/scope";
import { tooManyRequests } from "../errors";

export async function reserveFaxQuota(opts: {
  db: Tx;
  tenantId: string;
  /** The tenant's limits as read in this transaction (a change to them takes effect on the next send). */
  limits: { dailyFaxLimit: number; monthlyFaxLimit: number };
  count: number;
  now: Date;
}): Promise<void> {
  const { db, tenantId, count, now, limits: tenant } = opts;
  await db.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(${`fax-quota:${tenantId}`}, 0))`;
  const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const [used] = await db.$queryRaw<{ today: number; month: number }[]>`
    SELECT count(*) FILTER (WHERE "submittedAt" >= (${dayStart.toISOString()}::timestamptz AT TIME ZONE 'UTC'))::int AS today,
      count(*)::int AS month
    FROM "FaxJob"
    WHERE "tenantId" = ${tenantId}::uuid AND "submittedAt" >= (${monthStart.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  const { today, month } = used!;
  const refuse = (period: string, limit: number, used: number) => {
    const left = Math.max(0, limit - used);
    const faxes = (n: number) => `${n} fax${n === 1 ? "" : "es"}`;
    return tooManyRequests(
      `Limit reached: your organisation may send ${faxes(limit)} a ${period}; ` +
        (left ? `only ${faxes(left)} left this ${period}, and this needs ${count}.` : `none left this ${period}.`) +
        " Nothing was sent.",
    );
  };
  if (today + count > tenant.dailyFaxLimit) throw refuse("day", tenant.dailyFaxLimit, today);
  if (month + count > tenant.monthlyFaxLimit) throw refuse("month", tenant.monthlyFaxLimit, month);
}
