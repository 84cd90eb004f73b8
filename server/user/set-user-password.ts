/** An administrator sets someone's password: the tenant's policy applies and their sessions end. */
import type { UserSetPasswordInput } from "@/lib/schemas/user";
import { mustChangeTypedPassword } from "../auth/admin-typed-password";
import { setPassword } from "../auth/set-password";
import type { ActorContext } from "../db/run-in-scope";
import { badRequest } from "../errors";
import { loadUser } from "./get-user";

export async function setUserPassword(opts: { ctx: ActorContext; input: UserSetPasswordInput }) {
  const { ctx, input } = opts;
  const { db, actor } = ctx;
  const user = await loadUser(db, input.id);
  // Changing your own password must prove the current one (a stolen session must not suffice).
  if (user.id === actor.id)
    throw badRequest("To change your own password, use Change password; it asks for your current one.");
  await setPassword(db, { userId: user.id, password: input.password, byAdmin: true });
  // The admin's tick may ask for a change the policy does not; it cannot waive the policy's.
  const mustChangePassword = await mustChangeTypedPassword(db, {
    tenantId: user.tenantId,
    askedByAdmin: input.mustChangePassword,
  });
  await db.user.update({ where: { id: user.id }, data: { mustChangePassword } });
  await ctx.audit({
    tenantId: user.tenantId,
    action: "user.password-set",
    entityType: "User",
    entityId: user.id,
    details: { username: user.username, mustChangePassword },
  });
}
