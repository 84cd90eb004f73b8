/** Adds a SIP trunk; its password is stored only sealed (server/crypto/secret-box). */
import type { TrunkCreateInput } from "@/lib/schemas/trunk";
import type { Actor } from "../audit/record-audit";
import { recordAudit } from "../audit/record-audit";
import { sealSecret } from "../crypto/secret-box";
import { uniqueOr } from "../db/errors";
import type { Tx } from "../db/scope";
import { duplicateTrunkName, toTrunkView, trunkAuditDetails, trunkColumns, trunkSelect } from "./trunk-view";

export async function createTrunk(opts: { db: Tx; actor: Actor; input: TrunkCreateInput; ip?: string }) {
  const { input } = opts;
  const row = await uniqueOr(duplicateTrunkName(input.name), () =>
    opts.db.trunk.create({
      data: trunkColumns(input, input.ipAuth ? null : sealSecret(input.sipPassword)),
      select: trunkSelect,
    }),
  );
  const view = toTrunkView(row);
  await recordAudit(opts.db, {
    tenantId: null,
    actor: opts.actor,
    action: "trunk.create",
    entityType: "Trunk",
    entityId: view.id,
    details: trunkAuditDetails(view, !input.ipAuth),
    ip: opts.ip,
  });
  return view;
}
