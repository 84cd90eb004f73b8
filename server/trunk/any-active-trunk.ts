/**
 * Whether any SIP trunk can carry a call now, asked in the organisation's own transaction. Trunks
 * are the provider's rows (platform-only under row-level security), so it asks through
 * `app_any_active_trunk()`, which answers yes or no and shows nothing of the trunks.
 */
import type { Tx } from "../db/scope";

export async function anyActiveTrunk(db: Tx): Promise<boolean> {
  const [row] = await db.$queryRaw<{ any: boolean }[]>`SELECT app_any_active_trunk() AS any`;
  return row?.any ?? false;
}
