import { getDashboard } from "../../dashboard/get-dashboard";
import { protectedProcedure, router } from "../init";

export const dashboardRouter = router({
  /** Everything the dashboard shows for the caller's role, in one call. */
  overview: protectedProcedure.query(({ ctx }) => getDashboard({ sql: ctx.sql, user: ctx.user })),
});
