/** An administrator locks an account: sign-in is refused and open sessions end at once. */
import { recordAudit } from "../audit/record-audit";
import { revokeUserSessions } from "../auth/sessions";
import { badRequest } from "../db/errors";
import type { Tx } from "../db/scope";
import { loadUser } from "./get-user";
import type { UserAdmin } from "./user-fields";

export async function lockUser(opts: { db: Tx; admin: UserAdmin; id: string; ip?: string }) {
  const { db, admin } = opts;
  const user = await loadUser(db, opts.id);
  if (user.id === admin.id) throw badRequest("You cannot lock your own account.");
  await db.user.update({ where: { id: user.id }, data: { locked: true } });
  await revokeUserSessions(user.id, undefined, db);
  await recordAudit(db, {
    tenantId: user.tenantId,
    actor: admin,
    action: "user.lock",
    entityType: "User",
    entityId: user.id,
    details: { username: user.username },
    ip: opts.ip,
  });
}
