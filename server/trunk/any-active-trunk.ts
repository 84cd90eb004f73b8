/**
 * Whether any SIP trunk can carry a call now. Trunks are the provider's rows (platform-only under
 * row-level security), so an organisation's transaction cannot see them; this asks as the system,
 * on the plain pool — never on the Prisma pool the asking transaction already holds a connection of.
 */
import { plainPool } from "../db/plain-pool";

export async function anyActiveTrunk(): Promise<boolean> {
  const { rows } = await plainPool().query<{ any: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM "Trunk" WHERE active) AS any',
  );
  return rows[0]?.any ?? false;
}
