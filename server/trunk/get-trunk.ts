import type { Tx } from "../db/scope";
import { notFound } from "../errors";
import { toTrunkView, trunkSelect } from "./trunk-view";

export async function getTrunk(opts: { db: Tx; id: string }) {
  const row = await opts.db.trunk.findUnique({ where: { id: opts.id }, select: trunkSelect });
  if (!row) throw notFound("Trunk");
  return toTrunkView(row);
}
