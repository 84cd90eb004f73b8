/** Branding: a tenant admin brands their own portal; a platform admin any tenant's. */
import {
  brandingTargetSchema,
  brandingUpdateSchema,
  domainActionSchema,
  domainCheckSchema,
  logoUploadSchema,
} from "@/lib/schemas/branding";
import { idSchema } from "@/lib/schemas/common";
import { getBranding } from "../../branding/get-branding";
import { removeLogo } from "../../branding/remove-logo";
import { updateBranding } from "../../branding/update-branding";
import { uploadLogo } from "../../branding/upload-logo";
import { approveDomain } from "../../tenant/approve-domain";
import { domainAvailability } from "../../tenant/domain-availability";
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
  /** Whether the domains typed so far are free (platform admins: for any or a new organisation). */
  domainAvailable: tenantAdminProcedure.input(domainCheckSchema).query(({ ctx, input }) =>
    domainAvailability({
      tenantId:
        ctx.actor.role === "PLATFORM_ADMIN"
          ? (input.tenantId ?? null)
          : pickTenant({ actor: ctx.actor, tenantId: input.tenantId }),
      hostnames: input.hostnames,
    }),
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
