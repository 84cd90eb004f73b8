/** An administrator locks an account: sign-in is refused and open sessions end at once. */
import { revokeUserSessions } from "../auth/sessions";
import type { ActorContext } from "../db/run-in-scope";
import { badRequest } from "../errors";
import { loadUser } from "./get-user";

export async function lockUser(opts: { ctx: ActorContext; id: string }) {
  const { ctx } = opts;
  const { db, actor } = ctx;
  const user = await loadUser(db, opts.id);
  if (user.id === actor.id) throw badRequest("You cannot lock your own account.");
  await db.user.update({ where: { id: user.id }, data: { locked: true } });
  await revokeUserSessions(user.id, undefined, db);
  await ctx.audit({
    tenantId: user.tenantId,
    action: "user.lock",
    entityType: "User",
    entityId: user.id,
    details: { username: user.username },
  });
}
