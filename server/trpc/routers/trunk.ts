/** Provider trunks: platform admins only (row-level security hides the table from everyone else too). */
import { trunkCreateSchema, trunkIdSchema, trunkListSchema, trunkUpdateSchema } from "@/lib/schemas/trunk";
import { createTrunk } from "../../trunk/create-trunk";
import { deleteTrunk } from "../../trunk/delete-trunk";
import { getTrunk } from "../../trunk/get-trunk";
import { listTrunkDrivers } from "../../trunk/list-trunk-drivers";
import { listTrunks } from "../../trunk/list-trunks";
import { updateTrunk } from "../../trunk/update-trunk";
import { platformAdminProcedure, router } from "../init";

export const trunkRouter = router({
  drivers: platformAdminProcedure.query(() => listTrunkDrivers()),
  list: platformAdminProcedure.input(trunkListSchema).query(({ ctx, input }) => listTrunks({ db: ctx.db, input })),
  get: platformAdminProcedure.input(trunkIdSchema).query(({ ctx, input }) => getTrunk({ db: ctx.db, id: input.id })),
  create: platformAdminProcedure.input(trunkCreateSchema).mutation(({ ctx, input }) => createTrunk({ ctx, input })),
  update: platformAdminProcedure.input(trunkUpdateSchema).mutation(({ ctx, input }) => updateTrunk({ ctx, input })),
  delete: platformAdminProcedure.input(trunkIdSchema).mutation(({ ctx, input }) => deleteTrunk({ ctx, id: input.id })),
});
