/**
 * DID numbers. Platform admins create and distribute them; tenant admins hand their pool out to
 * their users; everyone sees their own numbers and sets Fax to Email on them.
 */
import {
  didAssignSchema,
  didBulkCreateSchema,
  didCreateSchema,
  didIdSchema,
  didListSchema,
  didSetForwardSchema,
  didUpdateSchema,
} from "@/lib/schemas/did";
import { assignDid } from "../../did/assign-did";
import { bulkCreateDids } from "../../did/bulk-create-dids";
import { createDid } from "../../did/create-did";
import { deleteDid } from "../../did/delete-did";
import { listDids } from "../../did/list-dids";
import { listMyDids } from "../../did/list-my-dids";
import { setDidForward } from "../../did/set-did-forward";
import { updateDid } from "../../did/update-did";
import { platformAdminProcedure, protectedProcedure, router, tenantAdminProcedure } from "../init";

export const didRouter = router({
  list: tenantAdminProcedure.input(didListSchema).query(({ ctx, input }) => listDids({ ctx, input })),
  create: platformAdminProcedure.input(didCreateSchema).mutation(({ ctx, input }) => createDid({ ctx, input })),
  bulkCreate: platformAdminProcedure
    .input(didBulkCreateSchema)
    .mutation(({ ctx, input }) => bulkCreateDids({ ctx, input })),
  update: platformAdminProcedure.input(didUpdateSchema).mutation(({ ctx, input }) => updateDid({ ctx, input })),
  delete: platformAdminProcedure.input(didIdSchema).mutation(({ ctx, input }) => deleteDid({ ctx, id: input.id })),
  assign: tenantAdminProcedure.input(didAssignSchema).mutation(({ ctx, input }) => assignDid({ ctx, input })),
  mine: protectedProcedure.query(({ ctx }) => listMyDids({ ctx })),
  setForward: protectedProcedure.input(didSetForwardSchema).mutation(({ ctx, input }) => setDidForward({ ctx, input })),
});
