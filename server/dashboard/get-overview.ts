/** The dashboard's first figures: what exists in the caller's scope (row-level security narrows it). */
import type { Tx } from "../db/scope";

export async function getOverview(opts: { db: Tx }) {
  const { db } = opts;
  const [tenants, users, dids, assignedDids, trunks, lockedUsers] = await Promise.all([
    db.tenant.count(),
    db.user.count(),
    db.did.count(),
    db.did.count({ where: { userId: { not: null } } }),
    db.trunk.count({ where: { active: true } }),
    db.user.count({ where: { locked: true } }),
  ]);
  return { tenants, users, dids, assignedDids, trunks, lockedUsers };
}
