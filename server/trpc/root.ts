/** The root router: one line per domain router, registered by hand. */
import { createCallerFactory, router } from "./init";
import { authRouter } from "./routers/auth";
import { tenantRouter } from "./routers/tenant";

export const appRouter = router({
  auth: authRouter,
  tenant: tenantRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
