/** Tenants: platform admins manage all; a tenant admin reads its own and picks its retention. */

import { coverNoticeSchema } from "@/lib/fax-cover-page";
import { countryChoiceSchema } from "@/lib/schemas/country";
import {
  retentionChoiceSchema,
  tenantCreateSchema,
  tenantDeleteSchema,
  tenantIdSchema,
  tenantListSchema,
  tenantUpdateSchema,
} from "@/lib/schemas/tenant";
import { timeZoneChoiceSchema } from "@/lib/schemas/time-zone";
import { createTenant } from "../../tenant/create-tenant";
import { deleteTenant } from "../../tenant/delete-tenant";
import { getTenant } from "../../tenant/get-tenant";
import { listTenants } from "../../tenant/list-tenants";
import { setCountry } from "../../tenant/set-country";
import { setCoverNotice } from "../../tenant/set-cover-notice";
import { setRetention } from "../../tenant/set-retention";
import { setTimeZone } from "../../tenant/set-time-zone";
import { updateTenant } from "../../tenant/update-tenant";
import { platformAdminProcedure, protectedProcedure, router, tenantAdminProcedure } from "../init";

export const tenantRouter = router({
  list: platformAdminProcedure.input(tenantListSchema).query(({ ctx, input }) => listTenants({ db: ctx.db, input })),
  get: platformAdminProcedure.input(tenantIdSchema).query(({ ctx, input }) => getTenant({ db: ctx.db, id: input.id })),
  create: platformAdminProcedure.input(tenantCreateSchema).mutation(({ ctx, input }) => createTenant({ ctx, input })),
  update: platformAdminProcedure.input(tenantUpdateSchema).mutation(({ ctx, input }) => updateTenant({ ctx, input })),
  delete: platformAdminProcedure
    .input(tenantDeleteSchema)
    .mutation(({ ctx, input }) => deleteTenant({ ctx, id: input.id, confirmName: input.confirmName })),
  /** The caller's own tenant (limits, retention bounds) for tenant admins and users. */
  mine: protectedProcedure.query(({ ctx }) =>
    ctx.user.tenantId ? getTenant({ db: ctx.db, id: ctx.user.tenantId }) : null,
  ),
  setRetention: tenantAdminProcedure.input(retentionChoiceSchema).mutation(async ({ ctx, input }) => {
    if (!ctx.user.tenantId) return;
    await setRetention({ ctx, tenantId: ctx.user.tenantId, retentionDays: input.retentionDays });
  }),
  setTimeZone: tenantAdminProcedure.input(timeZoneChoiceSchema).mutation(async ({ ctx, input }) => {
    if (!ctx.user.tenantId) return null;
    return setTimeZone({ ctx, tenantId: ctx.user.tenantId, timeZone: input.timeZone });
  }),
  /** Numbers typed without +country are read in this country (New fax, caller IDs). */
  setCountry: tenantAdminProcedure.input(countryChoiceSchema).mutation(async ({ ctx, input }) => {
    if (!ctx.user.tenantId) return null;
    return setCountry({ ctx, tenantId: ctx.user.tenantId, country: input.country });
  }),
  /** The confidentiality notice on the organisation's cover pages (empty: the default). */
  setCoverNotice: tenantAdminProcedure.input(coverNoticeSchema).mutation(async ({ ctx, input }) => {
    if (!ctx.user.tenantId) return null;
    return setCoverNotice({ ctx, tenantId: ctx.user.tenantId, notice: input.notice });
  }),
});
