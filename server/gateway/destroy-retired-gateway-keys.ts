/**
 * Destroys the gateway keys no unfinished job needs (gateway-key-ring.ts): retired keys that no
 * FaxJob or Document still holds a grant for, and any key past its maximum life. Run by the
 * `destroy-gateway-keys` cron and when a job that held a grant ends.
 */
import { systemDb } from "../db/system-db";
import type { GatewayKeyRing } from "./gateway-key-ring";

export async function destroyRetiredGatewayKeys(opts: { ring: GatewayKeyRing }): Promise<{ destroyed: number }> {
  if (opts.ring.ids().length === 0) return { destroyed: 0 };
  // System work across every organisation; only the grants' plain key ids are read (bytes 2–17).
  const rows = await systemDb().$queryRaw<{ id: string }[]>`
    SELECT encode(substring("gatewaySealedKey" from 2 for 16), 'hex') AS id
      FROM "FaxJob" WHERE "gatewaySealedKey" IS NOT NULL
    UNION
    SELECT encode(substring("gatewaySealedKey" from 2 for 16), 'hex') AS id
      FROM "Document" WHERE "gatewaySealedKey" IS NOT NULL`;
  const destroyed = opts.ring.destroyUnused(new Set(rows.map((r) => r.id)));
  return { destroyed: destroyed.length };
}
