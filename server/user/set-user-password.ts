/** An administrator sets someone's password: the tenant's policy applies and their sessions end. */
import type { UserSetPasswordInput } from "@/lib/schemas/user";
import { recordAudit } from "../audit/record-audit";
import { setPassword } from "../auth/set-password";
import { badRequest } from "../db/errors";
import type { Tx } from "../db/scope";
import { loadUser } from "./get-user";
import type { UserAdmin } from "./user-fields";

export async function setUserPassword(opts: { db: Tx; admin: UserAdmin; input: UserSetPasswordInput; ip?: string }) {
  const { db, admin, input } = opts;
  const user = await loadUser(db, input.id);
  // Changing your own password must prove the current one (a stolen session must not suffice).
  if (user.id === admin.id)
    throw badRequest("To change your own password, use Change password; it asks for your current one.");
  await setPassword(db, { userId: user.id, password: input.password, byAdmin: true });
  // The admin's tick decides, not only the policy default setPassword applied.
  await db.user.update({ where: { id: user.id }, data: { mustChangePassword: input.mustChangePassword } });
  await recordAudit(db, {
    tenantId: user.tenantId,
    actor: admin,
    action: "user.password-set",
    entityType: "User",
    entityId: user.id,
    details: { username: user.username, mustChangePassword: input.mustChangePassword },
    ip: opts.ip,
  });
}
