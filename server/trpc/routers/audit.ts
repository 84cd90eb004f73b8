/** Audit log: tenant admins read their tenant's entries; platform admins read everything. */
import { auditListSchema } from "@/lib/schemas/audit";
import { listAudit } from "../../audit/list-audit";
import { router, tenantAdminProcedure } from "../init";

export const auditRouter = router({
  list: tenantAdminProcedure
    .input(auditListSchema)
    .query(({ ctx, input }) => listAudit({ db: ctx.db, scope: ctx.scope, input })),
});
