/** The document library (the Documents page, and the Send fax page's chooser). Bytes go over REST. */
import {
  documentCreateSchema,
  documentIdSchema,
  documentListSchema,
  documentRenameSchema,
} from "@/lib/schemas/document";
import { createDocument } from "../../document/create-document";
import { deleteDocument } from "../../document/delete-document";
import { getDocument } from "../../document/get-document";
import { listDocuments } from "../../document/list-documents";
import { renameDocument } from "../../document/rename-document";
import { protectedProcedure, router } from "../init";

export const documentRouter = router({
  create: protectedProcedure.input(documentCreateSchema).mutation(({ ctx, input }) => createDocument({ ctx, input })),
  list: protectedProcedure.input(documentListSchema).query(({ ctx, input }) => listDocuments({ ctx, input })),
  get: protectedProcedure.input(documentIdSchema).query(({ ctx, input }) => getDocument({ ctx, id: input.id })),
  rename: protectedProcedure.input(documentRenameSchema).mutation(({ ctx, input }) => renameDocument({ ctx, input })),
  delete: protectedProcedure
    .input(documentIdSchema)
    .mutation(({ ctx, input }) => deleteDocument({ ctx, id: input.id })),
});
