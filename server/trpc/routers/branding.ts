/** Branding: a tenant admin brands their own portal; a platform admin any tenant's. */
import {
  brandingTargetSchema,
  brandingUpdateSchema,
  domainActionSchema,
  logoUploadSchema,
} from "@/lib/schemas/branding";
import { idSchema } from "@/lib/schemas/common";
import { getBranding } from "../../branding/get-branding";
import { removeLogo } from "../../branding/remove-logo";
import { updateBranding } from "../../branding/update-branding";
import { uploadLogo } from "../../branding/upload-logo";
import { approveDomain } from "../../tenant/approve-domain";
import { pickTenant } from "../../tenant/pick-tenant";
import { verifyDomain } from "../../tenant/verify-domain";
import { platformAdminProcedure, router, tenantAdminProcedure } from "../init";

export const brandingRouter = router({
  get: tenantAdminProcedure
    .input(brandingTargetSchema)
    .query(({ ctx, input }) =>
      getBranding({ db: ctx.db, tenantId: pickTenant({ actor: ctx.actor, tenantId: input.tenantId }) }),
    ),
  update: tenantAdminProcedure.input(brandingUpdateSchema).mutation(({ ctx, input }) => {
    const { tenantId, ...fields } = input;
    return updateBranding({
      ctx,
      tenantId: pickTenant({ actor: ctx.actor, tenantId }),
      input: fields,
      byPlatformAdmin: ctx.user.role === "PLATFORM_ADMIN",
    });
  }),
  uploadLogo: tenantAdminProcedure.input(logoUploadSchema).mutation(({ ctx, input }) =>
    uploadLogo({
      ctx,
      tenantId: pickTenant({ actor: ctx.actor, tenantId: input.tenantId }),
      mimeType: input.mimeType,
      data: input.data,
    }),
  ),
  removeLogo: tenantAdminProcedure
    .input(brandingTargetSchema)
    .mutation(({ ctx, input }) =>
      removeLogo({ ctx, tenantId: pickTenant({ actor: ctx.actor, tenantId: input.tenantId }) }),
    ),
  /** Checks the HTTP token or DNS TXT record of one of the tenant's pending domains. */
  verifyDomain: tenantAdminProcedure.input(domainActionSchema).mutation(({ ctx, input }) =>
    verifyDomain({
      ctx,
      tenantId: pickTenant({ actor: ctx.actor, tenantId: input.tenantId }),
      hostname: input.hostname,
    }),
  ),
  approveDomain: platformAdminProcedure
    .input(domainActionSchema.extend({ tenantId: idSchema }))
    .mutation(({ ctx, input }) => approveDomain({ ctx, tenantId: input.tenantId, hostname: input.hostname })),
});
