/** The organisation's key: state for the signed-in person, first set-up, waiting list, grant, recovery. */
import { z } from "zod";
import { publicKeySchema, sealedTenantKeySchema } from "@/lib/auth/credentials";
import { idSchema } from "@/lib/schemas/common";
import { MAX_REGRANT_DOCUMENTS } from "../../document/regrant-documents";
import {
  confirmRecoveryCode,
  documentsToRegrantFor,
  grantAccess,
  listWaitingForAccess,
  recoverAccess,
  recoveryBox,
  replaceRecoveryCode,
  setUpTenantKeys,
  tenantKeyState,
} from "../../keys/tenant-keys";
import { protectedProcedure, router, tenantAdminProcedure } from "../init";

export const tenantKeysRouter = router({
  state: protectedProcedure.query(({ ctx }) => tenantKeyState({ ctx })),
  setUp: tenantAdminProcedure
    .input(
      z.object({
        publicKey: publicKeySchema,
        sealedForMe: sealedTenantKeySchema,
        recoverySealedKey: sealedTenantKeySchema,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await setUpTenantKeys({ ctx, input });
      return { ok: true };
    }),
  waiting: tenantAdminProcedure.query(({ ctx }) => listWaitingForAccess({ ctx })),
  grant: tenantAdminProcedure
    .input(
      z.object({
        userId: idSchema,
        forPublicKey: publicKeySchema,
        sealedKey: sealedTenantKeySchema.optional(),
        documentKeys: z
          .array(z.object({ documentId: idSchema, sealedKey: z.string().trim().min(1).max(400) }))
          .max(MAX_REGRANT_DOCUMENTS)
          .default([]),
        reportKeys: z
          .array(z.object({ faxJobId: idSchema, sealedKey: z.string().trim().min(1).max(400) }))
          .max(MAX_REGRANT_DOCUMENTS)
          .default([]),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await grantAccess({ ctx, input });
      return { ok: true };
    }),
  /** The person's documents and reports to re-seal in the admin's browser before Grant (organisation copies). */
  documentsToRegrant: tenantAdminProcedure
    .input(z.object({ userId: idSchema }))
    .query(({ ctx, input }) => documentsToRegrantFor({ ctx, userId: input.userId })),
  recoveryBox: tenantAdminProcedure.query(({ ctx }) => recoveryBox({ ctx })),
  /** A new recovery code made in the admin's browser: only its sealed copy of the key comes here. */
  replaceRecoveryCode: tenantAdminProcedure
    .input(z.object({ recoverySealedKey: sealedTenantKeySchema }))
    .mutation(async ({ ctx, input }) => {
      await replaceRecoveryCode({ ctx, input });
      return { ok: true };
    }),
  confirmRecoveryCode: tenantAdminProcedure.mutation(async ({ ctx }) => {
    await confirmRecoveryCode({ ctx });
    return { ok: true };
  }),
  recover: tenantAdminProcedure
    .input(z.object({ sealedForMe: sealedTenantKeySchema }))
    .mutation(async ({ ctx, input }) => {
      await recoverAccess({ ctx, input });
      return { ok: true };
    }),
});
