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
      getBranding({ db: ctx.db, tenantId: pickTenant({ user: ctx.user, tenantId: input.tenantId }) }),
    ),
  update: tenantAdminProcedure.input(brandingUpdateSchema).mutation(({ ctx, input }) => {
    const { tenantId, ...fields } = input;
    return updateBranding({
      db: ctx.db,
      actor: ctx.actor,
      tenantId: pickTenant({ user: ctx.user, tenantId }),
      input: fields,
      byPlatformAdmin: ctx.user.role === "PLATFORM_ADMIN",
      ip: ctx.ip,
    });
  }),
  uploadLogo: tenantAdminProcedure.input(logoUploadSchema).mutation(({ ctx, input }) =>
    uploadLogo({
      db: ctx.db,
      actor: ctx.actor,
      tenantId: pickTenant({ user: ctx.user, tenantId: input.tenantId }),
      mimeType: input.mimeType,
      data: input.data,
      ip: ctx.ip,
    }),
  ),
  removeLogo: tenantAdminProcedure.input(brandingTargetSchema).mutation(({ ctx, input }) =>
    removeLogo({
      db: ctx.db,
      actor: ctx.actor,
      tenantId: pickTenant({ user: ctx.user, tenantId: input.tenantId }),
      ip: ctx.ip,
    }),
  ),
  /** Checks the HTTP token or DNS TXT record of one of the tenant's pending domains. */
  verifyDomain: tenantAdminProcedure.input(domainActionSchema).mutation(({ ctx, input }) =>
    verifyDomain({
      db: ctx.db,
      actor: ctx.actor,
      tenantId: pickTenant({ user: ctx.user, tenantId: input.tenantId }),
      hostname: input.hostname,
      ip: ctx.ip,
    }),
  ),
  approveDomain: platformAdminProcedure
    .input(domainActionSchema.extend({ tenantId: idSchema }))
    .mutation(({ ctx, input }) =>
      approveDomain({ db: ctx.db, actor: ctx.actor, tenantId: input.tenantId, hostname: input.hostname, ip: ctx.ip }),
    ),
});
