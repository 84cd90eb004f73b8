/** Who am I, change my password, forgot-password, and the password rules to show on forms. */
import { changePasswordSchema, requestResetSchema, resetPasswordSchema } from "@/lib/schemas/auth";
import { verifyPassword } from "../../auth/password-hash";
import { requestPasswordReset, resetPassword } from "../../auth/password-reset";
import { policyFor } from "../../auth/security-policy";
import { setPassword } from "../../auth/set-password";
import { badRequest } from "../../errors";
import { protectedProcedure, publicProcedure, router } from "../init";

export const authRouter = router({
  me: protectedProcedure.meta({ allowDuringPasswordChange: true }).query(({ ctx }) => {
    const { sessionId: _sid, ...me } = ctx.user;
    return me;
  }),
  /** Password rules for the site's tenant (platform rules on the platform host). */
  passwordPolicy: publicProcedure.query(async ({ ctx }) => {
    const policy = await policyFor(ctx.host.kind === "tenant" ? ctx.host.tenant.id : null);
    const { minLength, minUpper, minLower, minDigits, minSpecial, excludePersonalInfo } = policy;
    return { minLength, minUpper, minLower, minDigits, minSpecial, excludePersonalInfo };
  }),
  changePassword: protectedProcedure
    .meta({ allowDuringPasswordChange: true })
    .input(changePasswordSchema)
    .mutation(async ({ ctx, input }) => {
      const user = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.user.id } });
      if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
        throw badRequest("Your current password is not correct.", "currentPassword");
      }
      await setPassword(ctx.db, {
        userId: user.id,
        password: input.newPassword,
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
  resetPassword: publicProcedure.input(resetPasswordSchema).mutation(async ({ ctx, input }) => {
    await resetPassword({ token: input.token, password: input.password, ip: ctx.ip });
    return { ok: true };
  }),
});
