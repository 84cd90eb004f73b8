/**
 * Users: tenant admins manage their own tenant's people, platform admins everyone. Every lookup
 * goes through ctx.db, so row-level security makes another tenant's id simply "not found".
 */
import {
  userCreateSchema,
  userIdSchema,
  userListSchema,
  userNewPasswordRulesSchema,
  userSetPasswordSchema,
  userUpdateSchema,
} from "@/lib/schemas/user";
import { addUser } from "../../user/add-user";
import { deleteUser } from "../../user/delete-user";
import { getUser } from "../../user/get-user";
import { listUsers } from "../../user/list-users";
import { lockUser } from "../../user/lock-user";
import { requirePasswordChange } from "../../user/require-password-change";
import { sendWelcome } from "../../user/send-welcome";
import { newUserPasswordRules, passwordParamsFor, setUserPassword } from "../../user/set-user-password";
import { unlockUser } from "../../user/unlock-user";
import { updateUser } from "../../user/update-user";
import { router, tenantAdminProcedure } from "../init";

export const userRouter = router({
  list: tenantAdminProcedure.input(userListSchema).query(({ ctx, input }) => listUsers({ ctx, input })),
  get: tenantAdminProcedure.input(userIdSchema).query(({ ctx, input }) => getUser({ db: ctx.db, id: input.id })),
  create: tenantAdminProcedure.input(userCreateSchema).mutation(({ ctx, input }) => addUser({ ctx, input })),
  update: tenantAdminProcedure.input(userUpdateSchema).mutation(({ ctx, input }) => updateUser({ ctx, input })),
  /** Key parameters, name parts and rules the admin's browser needs to set this person's password. */
  passwordParams: tenantAdminProcedure
    .input(userIdSchema)
    .query(({ ctx, input }) => passwordParamsFor({ ctx, id: input.id })),
  /** Rules and KDF cost for a new person's password in a tenant. */
  newPasswordRules: tenantAdminProcedure
    .input(userNewPasswordRulesSchema)
    .query(({ ctx, input }) => newUserPasswordRules({ ctx, tenantId: input.tenantId })),
  setPassword: tenantAdminProcedure.input(userSetPasswordSchema).mutation(async ({ ctx, input }) => {
    await setUserPassword({ ctx, input });
    return { ok: true };
  }),
  lock: tenantAdminProcedure.input(userIdSchema).mutation(async ({ ctx, input }) => {
    await lockUser({ ctx, id: input.id });
    return { ok: true };
  }),
  unlock: tenantAdminProcedure.input(userIdSchema).mutation(async ({ ctx, input }) => {
    await unlockUser({ ctx, id: input.id });
    return { ok: true };
  }),
  /** The user must choose a new password before doing anything else. */
  requirePasswordChange: tenantAdminProcedure.input(userIdSchema).mutation(async ({ ctx, input }) => {
    await requirePasswordChange({ ctx, id: input.id });
    return { ok: true };
  }),
  /** Emails the user their username, portal address and a link to choose a password. */
  sendWelcome: tenantAdminProcedure
    .input(userIdSchema)
    .mutation(({ ctx, input }) => sendWelcome({ ctx, id: input.id })),
  delete: tenantAdminProcedure.input(userIdSchema).mutation(async ({ ctx, input }) => {
    await deleteUser({ ctx, id: input.id });
    return { ok: true };
  }),
});
