/** Security policy: a tenant admin sets their own tenant's; a platform admin any tenant's. */
import { securityPolicyTargetSchema, securityPolicyUpdateSchema } from "@/lib/schemas/security-policy";
import { getSecurityPolicy } from "../../security-policy/get-security-policy";
import { updateSecurityPolicy } from "../../security-policy/update-security-policy";
import { pickTenant } from "../../tenant/pick-tenant";
import { requirePasswordChangeForAll } from "../../user/require-password-change";
import { router, tenantAdminProcedure } from "../init";

export const securityPolicyRouter = router({
  get: tenantAdminProcedure
    .input(securityPolicyTargetSchema)
    .query(({ ctx, input }) =>
      getSecurityPolicy({ db: ctx.db, tenantId: pickTenant({ actor: ctx.actor, tenantId: input.tenantId }) }),
    ),
  update: tenantAdminProcedure.input(securityPolicyUpdateSchema).mutation(({ ctx, input }) => {
    const { tenantId, ...fields } = input;
    return updateSecurityPolicy({ ctx, tenantId: pickTenant({ actor: ctx.actor, tenantId }), input: fields });
  }),
  /** Everyone in the tenant (but the admin asking) must choose a new password at their next request. */
  requirePasswordChangeForAll: tenantAdminProcedure
    .input(securityPolicyTargetSchema)
    .mutation(({ ctx, input }) =>
      requirePasswordChangeForAll({ ctx, tenantId: pickTenant({ actor: ctx.actor, tenantId: input.tenantId }) }),
    ),
});
