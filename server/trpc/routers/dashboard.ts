import { getOverview } from "../../dashboard/get-overview";
import { protectedProcedure, router } from "../init";

export const dashboardRouter = router({
  overview: protectedProcedure.query(({ ctx }) => getOverview({ db: ctx.db })),
});
