/** Lifts an administrator's lock and any failed-sign-in lockout. */
import { recordAudit } from "../audit/record-audit";
import { clearSignInLockouts } from "../auth/verify-credentials";
import type { Tx } from "../db/scope";
import { loadUser } from "./get-user";
import type { UserAdmin } from "./user-fields";

export async function unlockUser(opts: { db: Tx; admin: UserAdmin; id: string; ip?: string }) {
  const { db, admin } = opts;
  const user = await loadUser(db, opts.id);
  await db.user.update({ where: { id: user.id }, data: { locked: false, lockedUntil: null, failedLoginCount: 0 } });
  await clearSignInLockouts(user); // sign-in lockouts are counted per origin, outside the user row
  await recordAudit(db, {
    tenantId: user.tenantId,
    actor: admin,
    action: "user.unlock",
    entityType: "User",
    entityId: user.id,
    details: { username: user.username, wasLockedOut: !!user.lockedUntil && user.lockedUntil > new Date() },
    ip: opts.ip,
  });
}
