/**
 * An organisation of a spec's own, so specs that change things run side by side and in any order.
 *
 * How to use it (new specs, and old ones moving off the shared demo world):
 *
 *   import { newOrganisation } from "./organisation";
 *   test("…", async ({ page }) => {
 *     const org = await newOrganisation("Fabrikam", { keys: true });   // its own domain, admin and user
 *     await signIn(page, org.host, org.user.username, org.user.password);
 *     …
 *   });
 *
 * It writes the rows straight into the e2e database (as `prisma/seed.ts` does for the demo world):
 * a tenant with a verified primary domain `<slug>.localhost` (Chromium sends *.localhost to this
 * machine), its security policy, a tenant admin and a plain user whose credentials are made the
 * way a browser makes them, and one fax number for the user. With `keys: true` it also holds the
 * organisation key, as after its first admin's first sign-in and recovery-code step: made with the
 * browser's own code (lib/auth/tenant-access.ts), sealed to the admin and to a recovery code nobody
 * keeps. Documents and faxes need it; specs that never touch documents leave it out, and the specs
 * of the first sign-in itself (first-day, recovery-code) go through the browser. Writing the rows
 * instead of signing in saves a browser and three page loads per organisation. Names carry a random
 * part: specs never meet each other's.
 *
 * Specs that change the demo world (acme.localhost, globex.localhost) run one at a time in the
 * "demo world" project of playwright.config.ts; a spec that uses only its own organisations goes in
 * OWN_ORGANISATIONS there (one that only reads the demo world, in READING).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { newCredentials } from "../../lib/auth/credentials";
import { makeTenantKeys } from "../../lib/auth/tenant-access";
import { fromBase64 } from "../../lib/crypto/encoding";
import { newKdfParams } from "../../lib/crypto/key-schedule";
import { hashAuthKey } from "../../server/auth/password-hash";
import { E2E_DATABASE_URL } from "./e2e-database";

/** The portal under test runs with this cheap key derivation too (playwright.config.ts). */
const CHEAP_KDF = { opsLimit: 1, memLimit: 8 * 1024 * 1024 };

export interface Person {
  id: string;
  username: string;
  email: string;
  password: string;
}

export interface Organisation {
  id: string;
  name: string;
  /** Its own domain, e.g. fabrikam-3f9a.localhost. */
  host: string;
  admin: Person;
  user: Person;
  /** The user's fax number (E.164). */
  did: string;
}

async function credentialColumns(password: string) {
  const credentials = await newCredentials(password, await newKdfParams(CHEAP_KDF));
  return [
    await hashAuthKey(credentials.authKey),
    credentials.kdf.salt,
    credentials.kdf.opsLimit,
    credentials.kdf.memLimit,
    credentials.keys.publicKey,
    credentials.keys.sealedPrivateKey,
  ];
}

/**
 * A free +1 212 555 xxxx number, picked at random among those nobody has: with dozens of
 * organisations made in a run, one drawn blindly from 9,000 would now and then meet one already
 * given out (numbers are unique) and fail the spec that made it.
 */
const FREE_DID = `SELECT '+1212555' || n AS number FROM generate_series(1000, 9999) AS n
  WHERE NOT EXISTS (SELECT 1 FROM "Did" WHERE number = '+1212555' || n) ORDER BY random() LIMIT 1`;

export async function newOrganisation(name: string, options: { keys?: boolean } = {}): Promise<Organisation> {
  const tag = randomBytes(3).toString("hex");
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${tag}`;
  const host = `${slug}.localhost`;
  const person = (role: string): Omit<Person, "id"> => ({
    username: `${role}-${tag}`,
    email: `${role}-${tag}@${slug}.example`,
    password: `${role[0]!.toUpperCase()}${role.slice(1)}-Secret-${tag}`,
  });
  const admin = person("admin");
  const user = person("user");
  const db = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await db.connect();
  let org: Organisation;
  try {
    await db.query("BEGIN");
    const tenant = await db.query<{ id: string }>(
      `INSERT INTO "Tenant" (id, name, slug, "dailyFaxLimit", "monthlyFaxLimit", "domainTitle", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, 500, 10000, $3, now()) RETURNING id`,
      [`${name} ${tag}`, slug, `${name} Fax`],
    );
    const tenantId = tenant.rows[0]!.id;
    await db.query(
      `INSERT INTO "TenantDomain" (id, "tenantId", hostname, "isPrimary", "verifiedAt", "verifiedBy")
       VALUES (gen_random_uuid(), $1, $2, true, now(), 'PLATFORM')`,
      [tenantId, host],
    );
    await db.query(`INSERT INTO "SecurityPolicy" (id, "tenantId", "updatedAt") VALUES (gen_random_uuid(), $1, now())`, [
      tenantId,
    ]);
    const insertPerson = async (p: Omit<Person, "id">, role: string) => {
      const row = await db.query<{ id: string; publicKey: string }>(
        `INSERT INTO "User" (id, "tenantId", username, email, "firstName", "lastName", role, "passwordHash",
           "kdfSalt", "kdfOpsLimit", "kdfMemLimit", "publicKey", "sealedPrivateKey", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, $3, $4, 'Tester', $5, $6, $7, $8, $9, $10, $11, now())
         RETURNING id, "publicKey"`,
        [tenantId, p.username, p.email, p.username.split("-")[0], role, ...(await credentialColumns(p.password))],
      );
      return { ...p, id: row.rows[0]!.id, publicKey: row.rows[0]!.publicKey };
    };
    const { publicKey: adminPublicKey, ...adminRow } = await insertPerson(admin, "TENANT_ADMIN");
    const { publicKey: _, ...userRow } = await insertPerson(user, "USER");
    await db.query(`UPDATE "Tenant" SET "firstAdminId" = $2 WHERE id = $1`, [tenantId, adminRow.id]);
    if (options.keys) {
      // What the recovery-code step stores (server/keys/tenant-keys.ts, setUpTenantKeys), already
      // confirmed. Sealing needs only the admin's public key.
      const made = await makeTenantKeys({ publicKey: await fromBase64(adminPublicKey), privateKey: new Uint8Array(0) });
      await db.query(
        `UPDATE "Tenant" SET "publicKey" = $2, "recoverySealedKey" = $3, "recoveryCodeMadeAt" = now() WHERE id = $1`,
        [tenantId, made.publicKey, made.recoverySealedKey],
      );
      await db.query(
        `INSERT INTO "TenantKeyGrant" (id, "tenantId", "userId", "forPublicKey", "sealedKey", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, $3, $4, now())`,
        [tenantId, adminRow.id, adminPublicKey, made.sealedForMe],
      );
    }
    // A number nobody holds yet; another organisation made at the same moment may take the same one
    // first (its insert commits, ours then inserts nothing), so draw again until ours lands.
    const insertDid = async () => {
      const number = (await db.query<{ number: string }>(FREE_DID)).rows[0]!.number;
      const inserted = await db.query(
        `INSERT INTO "Did" (id, number, title, "tenantId", "userId", "updatedAt")
         VALUES (gen_random_uuid(), $1, 'Front desk', $2, $3, now()) ON CONFLICT (number) DO NOTHING`,
        [number, tenantId, userRow.id],
      );
      return inserted.rowCount === 1 ? number : null;
    };
    let did = await insertDid();
    while (!did) did = await insertDid();
    await db.query("COMMIT");
    org = { id: tenantId, name: `${name} ${tag}`, host, admin: adminRow, user: userRow, did };
  } catch (error) {
    await db.query("ROLLBACK").catch(() => {});
    await db.end();
    throw error;
  }
  await db.end();
  return org;
}
