/** Mail outbox: platform admins only (messages carry reset links for every tenant). */
import { z } from "zod";
import { idSchema, listInputSchema } from "@/lib/schemas/common";
import { getOutboxMessage, listOutbox } from "../../mail/list-outbox";
import { platformAdminProcedure, router } from "../init";

export const mailRouter = router({
  list: platformAdminProcedure.input(listInputSchema).query(({ ctx, input }) => listOutbox({ db: ctx.db, input })),
  get: platformAdminProcedure
    .input(z.object({ id: idSchema }))
    .query(({ ctx, input }) => getOutboxMessage({ db: ctx.db, id: input.id })),
});
