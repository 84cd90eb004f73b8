/** Adds a SIP trunk; its password is stored only sealed (server/crypto/secret-box). */
import type { TrunkCreateInput } from "@/lib/schemas/trunk";
import type { Actor } from "../audit/record-audit";
import { recordAudit } from "../audit/record-audit";
import { sealSecret } from "../crypto/secret-box";
import { uniqueOr } from "../db/errors";
import type { Tx } from "../db/scope";
import { toTrunkView, trunkAuditDetails, trunkSelect } from "./trunk-view";

export async function createTrunk(opts: { db: Tx; actor: Actor; input: TrunkCreateInput; ip?: string }) {
  const { input } = opts;
  const row = await uniqueOr(`A trunk named "${input.name}" already exists. Choose another name.`, () =>
    opts.db.trunk.create({
      data: {
        name: input.name,
        active: input.active,
        gatewayType: input.gatewayType,
        driver: input.driver,
        ipAuth: input.ipAuth,
        sipUsername: input.ipAuth ? null : input.sipUsername,
        sipPasswordSealed: input.ipAuth ? null : sealSecret(input.sipPassword),
        host: input.host,
        port: input.port,
        maxChannels: input.maxChannels,
        maxCallsPerMinute: input.maxCallsPerMinute,
      },
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
