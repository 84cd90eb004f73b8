/** Adds a SIP trunk; its password is stored only sealed (server/crypto/secret-box). */
import type { TrunkCreateInput } from "@/lib/schemas/trunk";
import { sealSecret } from "../crypto/secret-box";
import type { ActorContext } from "../db/run-in-scope";
import { uniqueOr } from "../errors";
import { duplicateTrunkName, toTrunkView, trunkAuditDetails, trunkColumns, trunkSelect } from "./trunk-view";

export async function createTrunk(opts: { ctx: ActorContext; input: TrunkCreateInput }) {
  const { ctx, input } = opts;
  const { db } = ctx;
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
  return view;
}
