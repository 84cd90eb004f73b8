/** Branding: a tenant admin brands their own portal; a platform admin any tenant's. */
import { brandingTargetSchema, brandingUpdateSchema, logoUploadSchema } from "@/lib/schemas/branding";
import { getBranding } from "../../branding/get-branding";
import { removeLogo } from "../../branding/remove-logo";
import { updateBranding } from "../../branding/update-branding";
import { uploadLogo } from "../../branding/upload-logo";
import { pickTenant } from "../../tenant/pick-tenant";
import { router, tenantAdminProcedure } from "../init";

export const brandingRouter = router({
  get: tenantAdminProcedure
    .input(brandingTargetSchema)
    .query(({ ctx, input }) =>
      getBranding({ db: ctx.db, tenantId: pickTenant({ actor: ctx.actor, tenantId: input.tenantId }) }),
    ),
  update: tenantAdminProcedure.input(brandingUpdateSchema).mutation(({ ctx, input }) => {
    const { tenantId, ...fields } = input;
    return updateBranding({
      db: ctx.db,
      actor: ctx.actor,
      tenantId: pickTenant({ actor: ctx.actor, tenantId }),
      input: fields,
      ip: ctx.ip,
    });
  }),
  uploadLogo: tenantAdminProcedure.input(logoUploadSchema).mutation(({ ctx, input }) =>
    uploadLogo({
      db: ctx.db,
      actor: ctx.actor,
      tenantId: pickTenant({ actor: ctx.actor, tenantId: input.tenantId }),
      mimeType: input.mimeType,
      data: input.data,
      ip: ctx.ip,
    }),
  ),
  removeLogo: tenantAdminProcedure.input(brandingTargetSchema).mutation(({ ctx, input }) =>
    removeLogo({
      db: ctx.db,
      actor: ctx.actor,
      tenantId: pickTenant({ actor: ctx.actor, tenantId: input.tenantId }),
      ip: ctx.ip,
    }),
  ),
});
