/** The root router: one line per domain router, registered by hand. */
import { createCallerFactory, router } from "./init";
import { auditRouter } from "./routers/audit";
import { authRouter } from "./routers/auth";
import { brandingRouter } from "./routers/branding";
import { dashboardRouter } from "./routers/dashboard";
import { didRouter } from "./routers/did";
import { documentRouter } from "./routers/document";
import { faxRouter } from "./routers/fax";
import { jobRouter } from "./routers/job";
import { keysRouter } from "./routers/keys";
import { mailRouter } from "./routers/mail";
import { securityPolicyRouter } from "./routers/security-policy";
import { tenantRouter } from "./routers/tenant";
import { tenantKeysRouter } from "./routers/tenant-keys";
import { trunkRouter } from "./routers/trunk";
import { userRouter } from "./routers/user";

export const appRouter = router({
  audit: auditRouter,
  auth: authRouter,
  branding: brandingRouter,
  dashboard: dashboardRouter,
  did: didRouter,
  document: documentRouter,
  fax: faxRouter,
  job: jobRouter,
  keys: keysRouter,
  mail: mailRouter,
  securityPolicy: securityPolicyRouter,
  tenant: tenantRouter,
  tenantKeys: tenantKeysRouter,
  trunk: trunkRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
