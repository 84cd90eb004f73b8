/**
 * Saves a trunk. An empty password keeps the stored one (the browser never has it to send back);
 * turning IP authentication on clears the username and password.
 */
import type { TrunkUpdateInput } from "@/lib/schemas/trunk";
import type { Actor } from "../audit/record-audit";
import { recordAudit } from "../audit/record-audit";
import { sealSecret } from "../crypto/secret-box";
import { badRequest, notFound, uniqueOr } from "../db/errors";
import type { Tx } from "../db/scope";
import { duplicateTrunkName, toTrunkView, trunkAuditDetails, trunkColumns, trunkSelect } from "./trunk-view";

export async function updateTrunk(opts: { db: Tx; actor: Actor; input: TrunkUpdateInput; ip?: string }) {
  const { input } = opts;
  const before = await opts.db.trunk.findUnique({ where: { id: input.id }, select: { sipPasswordSealed: true } });
  if (!before) throw notFound("Trunk");

  let sealed: string | null;
  if (input.ipAuth) sealed = null;
  else if (input.sipPassword) sealed = sealSecret(input.sipPassword);
  else if (before.sipPasswordSealed) sealed = before.sipPasswordSealed;
  else throw badRequest("SIP password is required (or turn on IP authentication).");

  const row = await uniqueOr(duplicateTrunkName(input.name), () =>
    opts.db.trunk.update({
      where: { id: input.id },
      data: trunkColumns(input, sealed),
      select: trunkSelect,
    }),
  );
  const view = toTrunkView(row);
  await recordAudit(opts.db, {
    tenantId: null,
    actor: opts.actor,
    action: "trunk.update",
    entityType: "Trunk",
    entityId: view.id,
    details: trunkAuditDetails(view, sealed !== before.sipPasswordSealed),
    ip: opts.ip,
  });
  return view;
}
