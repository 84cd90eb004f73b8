/**
 * Who am I, sign-in step one, change my password, forgot-password, and the password rules to show
 * on forms. Passwords never arrive here: forms send auth keys derived in the browser.
 */
import {
  changePasswordSchema,
  requestResetSchema,
  resetPasswordSchema,
  resetTokenSchema,
  signInParamsSchema,
} from "@/lib/schemas/auth";
import { kdfCost, paramsForNewPassword, storedParams } from "../../auth/kdf-settings";
import { verifyAuthKey } from "../../auth/password-hash";
import { requestPasswordReset, resetParams, resetPassword } from "../../auth/password-reset";
import { policyFor, publicPolicy } from "../../auth/security-policy";
import { setPassword } from "../../auth/set-password";
import { signInParams } from "../../auth/sign-in-params";
import { badRequest } from "../../errors";
import { protectedProcedure, publicProcedure, router } from "../init";

export const authRouter = router({
  me: protectedProcedure.meta({ allowDuringPasswordChange: true }).query(({ ctx }) => {
    const { sessionId: _sid, ...me } = ctx.user;
    return me;
  }),
  /** Password rules for the site's tenant (platform rules on the platform host), and today's KDF cost. */
  passwordPolicy: publicProcedure.query(async ({ ctx }) => {
    const policy = await policyFor(ctx.host.kind === "tenant" ? ctx.host.tenant.id : null);
    return { ...publicPolicy(policy), kdfCost: kdfCost() };
  }),
  /** Sign-in step one: the parameters for this login (decoys, alike in shape, for unknown names). */
  signInParams: publicProcedure
    .input(signInParamsSchema)
    .query(({ ctx, input }) => signInParams({ host: ctx.host, username: input.username })),
  /** My current parameters (to prove the current password) and those a new one must use. */
  myPasswordParams: protectedProcedure.meta({ allowDuringPasswordChange: true }).query(async ({ ctx }) => {
    const user = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.user.id } });
    return {
      current: storedParams(user),
      next: paramsForNewPassword(user),
      policy: publicPolicy(await policyFor(user.tenantId, ctx.db)),
    };
  }),
  changePassword: protectedProcedure
    .meta({ allowDuringPasswordChange: true })
    .input(changePasswordSchema)
    .mutation(async ({ ctx, input }) => {
      const user = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.user.id } });
      if (!user.kdfSalt || !(await verifyAuthKey(user.passwordHash, input.currentAuthKey))) {
        throw badRequest("Your current password is not correct.", "currentPassword");
      }
      // One's own change re-seals the same key pair: everything sealed to it stays readable.
      if (user.publicKey && input.credentials.keys.publicKey !== user.publicKey) {
        throw badRequest("Your keys could not be re-sealed. Reload the page and try again.");
      }
      await setPassword(ctx.db, {
        userId: user.id,
        credentials: input.credentials,
        byAdmin: false,
        keepSessionId: ctx.user.sessionId,
        enforceMinimumAge: true,
      });
      await ctx.audit({
        tenantId: user.tenantId,
        action: "user.password-change",
        entityType: "User",
        entityId: user.id,
      });
      return { ok: true };
    }),
  requestPasswordReset: publicProcedure.input(requestResetSchema).mutation(async ({ ctx, input }) => {
    await requestPasswordReset({ login: input.login, host: ctx.host });
    return { ok: true }; // same answer whether or not the account exists
  }),
  /** For a live reset or welcome link: the parameters and rules the browser needs. */
  resetParams: publicProcedure.input(resetTokenSchema).query(({ input }) => resetParams({ token: input.token })),
  resetPassword: publicProcedure.input(resetPasswordSchema).mutation(async ({ ctx, input }) => {
    await resetPassword({ token: input.token, credentials: input.credentials, ip: ctx.ip });
    return { ok: true };
  }),
});
