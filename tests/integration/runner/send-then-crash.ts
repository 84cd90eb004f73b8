/**
 * Commits an event with sendEvent in an organisation's transaction, then (with CRASH=1) dies by
 * kill -9 right after the commit, before any after-commit work runs: the moment where an event
 * sent after commit used to be lost. Used by outbox.test.ts.
 *   DATABASE_URL=… TENANT_ID=… EVENT_NAME=… [CRASH=1] tsx tests/integration/runner/send-then-crash.ts
 */

import { disconnectDb } from "../../../server/db/client";
import { runInScope } from "../../../server/db/run-in-scope";
import { sendEvent } from "../../../server/job/send-event";

await runInScope({ scope: { kind: "tenant", tenantId: process.env.TENANT_ID! }, actor: null }, async (ctx) => {
  if (process.env.CRASH === "1") ctx.afterCommit(() => process.kill(process.pid, "SIGKILL"));
  await sendEvent(ctx, { name: process.env.EVENT_NAME!, data: { fax: "queued" } });
});
await disconnectDb();
