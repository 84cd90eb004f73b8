/** Lifts an administrator's lock and any failed-sign-in lockout. */
import { clearSignInLockouts } from "../auth/verify-credentials";
import type { ActorContext } from "../db/run-in-scope";
import { loadUser } from "./get-user";

export async function unlockUser(opts: { ctx: ActorContext; id: string }) {
  const { ctx } = opts;
  const { db } = ctx;
  const user = await loadUser(db, opts.id);
  await db.user.update({ where: { id: user.id }, data: { locked: false, lockedUntil: null, failedLoginCount: 0 } });
  await clearSignInLockouts(user); // sign-in lockouts are counted per origin, outside the user row
  await ctx.audit({
    tenantId: user.tenantId,
    action: "user.unlock",
    entityType: "User",
    entityId: user.id,
    details: { username: user.username, wasLockedOut: !!user.lockedUntil && user.lockedUntil > new Date() },
  });
}
