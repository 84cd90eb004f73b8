/**
 * Adds a SIP trunk; its password is stored only sealed (server/crypto/secret-box). A driver this
 * installation has not configured is refused beside the field; a FreeSWITCH trunk is loaded into
 * FreeSWITCH once saved (sync-trunk-gateway.ts).
 */
import type { TrunkCreateInput } from "@/lib/schemas/trunk";
import { sealSecret } from "../crypto/secret-box";
import type { ActorContext } from "../db/run-in-scope";
import { uniqueOr } from "../errors";
import { requireConfiguredDriver } from "./require-configured-driver";
import { type GatewaySync, syncTrunkGateway } from "./sync-trunk-gateway";
import { duplicateTrunkName, toTrunkView, trunkAuditDetails, trunkColumns, trunkSelect } from "./trunk-view";

export async function createTrunk(opts: { ctx: ActorContext; input: TrunkCreateInput }) {
  const { ctx, input } = opts;
  const { db } = ctx;
  requireConfiguredDriver(input.driver);
  const row = await uniqueOr(
    duplicateTrunkName(input.name),
    () =>
      db.trunk.create({
        data: trunkColumns(input, input.ipAuth ? null : sealSecret(input.sipPassword)),
        select: trunkSelect,
      }),
    "name",
  );
  const view = toTrunkView(row);
  await ctx.audit({
    tenantId: null,
    action: "trunk.create",
    entityType: "Trunk",
    entityId: view.id,
    details: trunkAuditDetails(view, !input.ipAuth),
  });
  const answer: typeof view & { gatewaySync: GatewaySync | null } = { ...view, gatewaySync: null };
  ctx.afterCommit(async () => {
    answer.gatewaySync = await syncTrunkGateway({ before: null, after: view, sipPassword: () => input.sipPassword });
  });
  return answer;
}
