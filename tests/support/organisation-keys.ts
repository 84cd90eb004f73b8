/** The organisation key's browser steps as the pages run them, for integration tests. */
import { expect } from "vitest";
import { openStoredKeys } from "@/lib/auth/account-keys";
import { deriveCredentials } from "@/lib/auth/credentials";
import { makeTenantKeys, openMyTenantKey } from "@/lib/auth/tenant-access";
import { callerFor, makeTenant, PASSWORD } from "./fixtures";

type Caller = Awaited<ReturnType<typeof callerFor>>;

export async function unlockWith(caller: Caller, password: string) {
  const params = await caller.auth.myPasswordParams();
  const stored = await caller.keys.mine();
  if (!params.current || !stored) throw new Error("no keys");
  const { unlockKey } = await deriveCredentials(password, params.current);
  return openStoredKeys(stored, unlockKey);
}

/** The organisation key as this admin's browser opens it. */
export async function tenantKeyOf(caller: Caller, password: string) {
  const state = await caller.tenantKeys.state();
  if (!state.tenantPublicKey || !state.mySealedKey) throw new Error("no copy");
  return openMyTenantKey(
    { tenantPublicKey: state.tenantPublicKey, sealedKey: state.mySealedKey },
    await unlockWith(caller, password),
  );
}

/** A new organisation whose first admin's browser made its key (the recovery code not yet confirmed). */
export async function setUpOrganisation() {
  const t = await makeTenant(
    `Org ${Math.random().toString(36).slice(2, 8)}`,
    `org${Date.now()}${Math.floor(Math.random() * 1e4)}.localhost`,
  );
  const admin = await callerFor(t.admin.id, t.hostname);
  expect(await admin.tenantKeys.state()).toMatchObject({ canSetUp: true, waitingForAccess: false });
  const made = await makeTenantKeys(await unlockWith(admin, PASSWORD));
  const { recoveryCode, ...stored } = made;
  await admin.tenantKeys.setUp(stored);
  return { t, admin, recoveryCode, tenantPublicKey: stored.publicKey };
}
