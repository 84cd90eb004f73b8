/**
 * Saves a trunk. An empty password keeps the stored one (the browser never has it to send back);
 * turning IP authentication on clears the username and password.
 */
import { SIP_PASSWORD_REQUIRED, type TrunkUpdateInput } from "@/lib/schemas/trunk";
import { openSecret, sealSecret } from "../crypto/secret-box";
import type { ActorContext } from "../db/run-in-scope";
import { badRequest, notFound, uniqueOr } from "../errors";
import { requireConfiguredDriver } from "./require-configured-driver";
import { type GatewaySync, syncTrunkGateway } from "./sync-trunk-gateway";
import { duplicateTrunkName, toTrunkView, trunkAuditDetails, trunkColumns, trunkSelect } from "./trunk-view";

export async function updateTrunk(opts: { ctx: ActorContext; input: TrunkUpdateInput }) {
  const { ctx, input } = opts;
  const { db } = ctx;
  const before = await db.trunk.findUnique({
    where: { id: input.id },
    select: { id: true, driver: true, sipPasswordSealed: true },
  });
  if (!before) throw notFound("Trunk");
  // A trunk may keep a driver configured away since; it may not be moved onto one.
  if (input.driver !== before.driver) requireConfiguredDriver(input.driver);

  let sealed: string | null;
  if (input.ipAuth) sealed = null;
  else if (input.sipPassword) sealed = sealSecret(input.sipPassword);
  else if (before.sipPasswordSealed) sealed = before.sipPasswordSealed;
  else throw badRequest(SIP_PASSWORD_REQUIRED, "sipPassword");

  const row = await uniqueOr(
    duplicateTrunkName(input.name),
    () =>
      db.trunk.update({
        where: { id: input.id },
        data: trunkColumns(input, sealed),
        select: trunkSelect,
      }),
    "name",
  );
  const view = toTrunkView(row);
  await ctx.audit({
    tenantId: null,
    action: "trunk.update",
    entityType: "Trunk",
    entityId: view.id,
    details: trunkAuditDetails(view, sealed !== before.sipPasswordSealed),
  });
  const answer: typeof view & { gatewaySync: GatewaySync | null } = { ...view, gatewaySync: null };
  ctx.afterCommit(async () => {
    answer.gatewaySync = await syncTrunkGateway({
      before,
      after: view,
      sipPassword: () => (sealed ? openSecret(sealed) : null),
    });
  });
  return answer;
}
