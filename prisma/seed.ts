/**
 * Demo data for the embedded default. Idempotent: it does nothing once a platform admin exists,
 * so re-running `npm start` keeps everything people changed.
 *
 * Demo passwords are turned into credentials here exactly as a browser would (a fresh salt, the
 * configured KDF cost, the derived auth key, a key pair sealed with the unlock key): the database
 * holds only the auth key's hash and the sealed private key.
 */
import { newStoredKeys } from "../lib/auth/account-keys";
import { deriveCredentials, newCredentials } from "../lib/auth/credentials";
import { makeTenantKeys } from "../lib/auth/tenant-access";
import { newKdfParams } from "../lib/crypto/key-schedule";
import { kdfColumns, kdfCost } from "../server/auth/kdf-settings";
import { hashAuthKey, verifyAuthKey } from "../server/auth/password-hash";
import { PLATFORM_POLICY } from "../server/auth/security-policy";
import type { Db } from "../server/db/client";

export const DEMO_LOGINS = [
  { site: "http://localhost:{port}", role: "Platform admin", username: "admin", password: "Faxport-Admin-2026" },
  {
    site: "http://acme.localhost:{port}",
    role: "Acme Health tenant admin",
    username: "acme-admin",
    password: "Acme-Admin-2026",
  },
  { site: "http://acme.localhost:{port}", role: "Acme Health user", username: "acme-user", password: "Acme-User-2026" },
  {
    site: "http://globex.localhost:{port}",
    role: "Globex tenant admin",
    username: "globex-admin",
    password: "Globex-Admin-2026",
  },
] as const;

const password = (username: string) => DEMO_LOGINS.find((l) => l.username === username)!.password;

/** What a demo login's row stores: the auth key's hash and the parameters it was derived with. */
async function demoCredentials(username: string) {
  const credentials = await newCredentials(password(username), await newKdfParams(kdfCost()));
  return {
    passwordHash: await hashAuthKey(credentials.authKey),
    ...kdfColumns(credentials.kdf),
    publicKey: credentials.keys.publicKey,
    sealedPrivateKey: credentials.keys.sealedPrivateKey,
  };
}

/**
 * A demo admin with the organisation key already made, as their browser would on the recovery step,
 * so the demo opens on the dashboard; the code is printed once, like the logins, for trying recovery.
 */
async function demoAdminWithOrganisationKey(
  db: Db,
  opts: {
    tenantId: string;
    username: string;
    data: { email: string; firstName: string; lastName: string; permissions?: string[] };
  },
) {
  const kdf = await newKdfParams(kdfCost());
  const { authKey, unlockKey } = await deriveCredentials(password(opts.username), kdf);
  const { stored, pair } = await newStoredKeys(unlockKey);
  unlockKey.fill(0);
  const admin = await db.user.create({
    data: {
      ...opts.data,
      tenantId: opts.tenantId,
      username: opts.username,
      role: "TENANT_ADMIN",
      passwordHash: await hashAuthKey(authKey),
      ...kdfColumns(kdf),
      publicKey: stored.publicKey,
      sealedPrivateKey: stored.sealedPrivateKey,
    },
  });
  const { recoveryCode, publicKey, sealedForMe, recoverySealedKey } = await makeTenantKeys(pair);
  pair.privateKey.fill(0);
  await db.tenant.update({
    where: { id: opts.tenantId },
    data: { firstAdminId: admin.id, publicKey, recoverySealedKey, recoveryCodeMadeAt: new Date() },
  });
  await db.tenantKeyGrant.create({
    data: { tenantId: opts.tenantId, userId: admin.id, forPublicKey: stored.publicKey, sealedKey: sealedForMe },
  });
  console.log(`Demo recovery code of ${opts.username}'s organisation: ${recoveryCode}`);
  return admin;
}

/**
 * Data seeded before sign-in used browser-derived keys stored hashes of the passwords themselves,
 * which no sign-in can match now. A demo login still on its printed password is moved over, so
 * the printed logins keep working; anything else stays as it is (such people use Forgot password).
 */
async function upgradeDemoLogins(db: Db): Promise<number> {
  let upgraded = 0;
  for (const login of DEMO_LOGINS) {
    const users = await db.user.findMany({ where: { username: login.username, kdfSalt: null } });
    for (const user of users) {
      if (!(await verifyAuthKey(user.passwordHash, login.password))) continue;
      await db.user.update({ where: { id: user.id }, data: await demoCredentials(login.username) });
      upgraded++;
    }
  }
  return upgraded;
}

export async function seedDemo(db: Db): Promise<boolean> {
  if (await db.user.findFirst({ where: { role: "PLATFORM_ADMIN" } })) {
    await upgradeDemoLogins(db);
    return false;
  }

  await db.user.create({
    data: {
      username: "admin",
      email: "admin@faxport.localhost",
      firstName: "Platform",
      lastName: "Admin",
      role: "PLATFORM_ADMIN",
      ...(await demoCredentials("admin")),
    },
  });

  const trunk = await db.trunk.create({
    data: {
      name: "Loopback PSTN",
      driver: "LOOPBACK",
      ipAuth: true,
      host: "127.0.0.1",
      port: 5060,
      maxChannels: 8,
      maxCallsPerMinute: 60,
    },
  });

  const acme = await db.tenant.create({
    data: {
      name: "Acme Health",
      slug: "acme-health",
      dailyFaxLimit: 500,
      monthlyFaxLimit: 10_000,
      retentionMinDays: 1,
      retentionMaxDays: 8,
      domainTitle: "Acme Health Fax",
      footerText: "© Acme Health · Confidential patient information — handle under HIPAA",
      domains: {
        create: { hostname: "acme.localhost", isPrimary: true, verifiedAt: new Date(), verifiedBy: "PLATFORM" },
      },
      securityPolicy: { create: { ...PLATFORM_POLICY, minLength: 10, forceChangeOnFirstLogin: true } },
    },
  });
  const globex = await db.tenant.create({
    data: {
      name: "Globex Corporation",
      slug: "globex",
      dailyFaxLimit: 200,
      monthlyFaxLimit: 4_000,
      retentionMinDays: 1,
      retentionMaxDays: 30,
      retentionDays: 14,
      domainTitle: "Globex Fax Center",
      footerText: "© Globex Corporation",
      domains: {
        create: { hostname: "globex.localhost", isPrimary: true, verifiedAt: new Date(), verifiedBy: "PLATFORM" },
      },
      securityPolicy: { create: { ...PLATFORM_POLICY, minLength: 10 } },
    },
  });

  await demoAdminWithOrganisationKey(db, {
    tenantId: acme.id,
    username: "acme-admin",
    data: {
      email: "it@acme.example",
      firstName: "Alice",
      lastName: "Admin",
      permissions: ["campaigns", "reports"],
    },
  });
  const acmeUser = await db.user.create({
    data: {
      tenantId: acme.id,
      username: "acme-user",
      email: "bob@acme.example",
      firstName: "Bob",
      lastName: "Clerk",
      role: "USER",
      ...(await demoCredentials("acme-user")),
    },
  });
  await demoAdminWithOrganisationKey(db, {
    tenantId: globex.id,
    username: "globex-admin",
    data: { email: "it@globex.example", firstName: "Gina", lastName: "Admin" },
  });

  await db.did.createMany({
    data: [
      { number: "+12125550100", title: "Acme front desk", tenantId: acme.id, userId: acmeUser.id },
      { number: "+12125550101", title: "Acme billing", tenantId: acme.id },
      { number: "+12125550102", title: "Acme records", tenantId: acme.id },
      { number: "+13125550150", title: "Globex main", tenantId: globex.id },
      { number: "+14155550199", title: "Spare" },
      { number: "+14155550198", title: "Spare" },
    ],
  });

  await db.auditLog.create({
    data: {
      actorName: "system",
      action: "platform.seed",
      entityType: "Platform",
      details: { tenants: ["Acme Health", "Globex Corporation"], trunk: trunk.name },
    },
  });
  return true;
}
