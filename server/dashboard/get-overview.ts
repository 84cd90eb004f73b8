/** The dashboard's first figures: what exists in the caller's scope (row-level security narrows it). */
import type { Tx } from "../db/scope";

type Counts = Record<"tenants" | "users" | "dids" | "assignedDids" | "trunks" | "lockedUsers", bigint>;

export async function getOverview(opts: { db: Tx }) {
  // One round trip instead of six; every sub-query runs under the same row-level security.
  const [c] = await opts.db.$queryRaw<Counts[]>`SELECT
      (SELECT count(*) FROM "Tenant") AS "tenants",
      (SELECT count(*) FROM "User") AS "users",
      (SELECT count(*) FROM "Did") AS "dids",
      (SELECT count(*) FROM "Did" WHERE "userId" IS NOT NULL) AS "assignedDids",
      (SELECT count(*) FROM "Trunk" WHERE "active") AS "trunks",
      (SELECT count(*) FROM "User" WHERE "locked") AS "lockedUsers"`;
  return {
    tenants: Number(c!.tenants),
    users: Number(c!.users),
    dids: Number(c!.dids),
    assignedDids: Number(c!.assignedDids),
    trunks: Number(c!.trunks),
    lockedUsers: Number(c!.lockedUsers),
  };
}
