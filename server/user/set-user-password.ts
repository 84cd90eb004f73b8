/**
 * An administrator sets someone's password: their browser derived the credentials (with the
 * person's own salt, from passwordParams below) and checked the tenant's rules; their sessions end.
 */
import type { UserSetPasswordInput } from "@/lib/schemas/user";
import { mustChangeTypedPassword } from "../auth/admin-typed-password";
import { kdfCost, paramsForNewPassword } from "../auth/kdf-settings";
import { policyFor, publicPolicy } from "../auth/security-policy";
import { setPassword } from "../auth/set-password";
import type { ActorContext } from "../db/run-in-scope";
import { badRequest } from "../errors";
import { mailWaitingForAccess } from "../keys/mail-waiting-for-access";
import { loadUser } from "./get-user";
import { assertOwnOrganisationAdmin } from "./platform-admin-limits";

export async function setUserPassword(opts: { ctx: ActorContext; input: UserSetPasswordInput }) {
  const { ctx, input } = opts;
  const { db, actor } = ctx;
  const user = await loadUser(db, input.id);
  // The password makes the person's new key pair: whoever types it could open what is granted to it.
  assertOwnOrganisationAdmin(actor, user, "set-password");
  // Changing your own password must prove the current one (a stolen session must not suffice).
  if (user.id === actor.id)
    throw badRequest("To change your own password, use Change password; it asks for your current one.");
  const { startedWaiting } = await setPassword(db, {
    userId: user.id,
    credentials: input.credentials,
    byAdmin: true,
    adminId: actor.id,
  });
  if (startedWaiting) await mailWaitingForAccess({ ctx, userId: user.id, setBy: actor.username });
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

/** What the admin's browser needs to set this person's password: their parameters, name parts and rules. */
export async function passwordParamsFor(opts: { ctx: ActorContext; id: string }) {
  const user = await loadUser(opts.ctx.db, opts.id);
  assertOwnOrganisationAdmin(opts.ctx.actor, user, "set-password");
  return {
    kdf: paramsForNewPassword(user),
    person: { username: user.username, email: user.email, firstName: user.firstName, lastName: user.lastName },
    policy: publicPolicy(await policyFor(user.tenantId, opts.ctx.db)),
  };
}

/** The rules and KDF cost for a new person in a tenant (a tenant admin's own tenant, whatever is asked). */
export async function newUserPasswordRules(opts: { ctx: ActorContext; tenantId: string | null }) {
  const { actor } = opts.ctx;
  const tenantId = actor.role === "PLATFORM_ADMIN" ? opts.tenantId : actor.tenantId;
  return { policy: publicPolicy(await policyFor(tenantId, opts.ctx.db)), kdfCost: kdfCost() };
}
