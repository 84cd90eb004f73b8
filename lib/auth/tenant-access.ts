/**
 * The organisation key in the browser: made by its first admin (with the one-time recovery code),
 * opened by an admin with their own key pair, sealed again to someone an admin grants access to,
 * and recovered with the code. Every value crosses the wire as base64url text.
 */
import { fromBase64, toBase64 } from "../crypto/encoding";
import {
  createTenantKeyPair,
  generateRecoveryCode,
  openTenantKeyPair,
  recoveryKeyPair,
  sealTenantPrivateKey,
} from "../crypto/tenant-keys";
import type { KeyPair } from "../crypto/user-keys";

/** A new tenant key pair, sealed to the admin making it and to a fresh recovery code's key. */
export async function makeTenantKeys(me: KeyPair) {
  const tenant = await createTenantKeyPair();
  const recoveryCode = await generateRecoveryCode();
  const recovery = await recoveryKeyPair(recoveryCode);
  const result = {
    publicKey: await toBase64(tenant.publicKey),
    sealedForMe: await toBase64(await sealTenantPrivateKey(tenant.privateKey, me.publicKey)),
    recoverySealedKey: await toBase64(await sealTenantPrivateKey(tenant.privateKey, recovery.publicKey)),
    recoveryCode,
  };
  tenant.privateKey.fill(0);
  recovery.privateKey.fill(0);
  return result;
}

/**
 * A new recovery code for the organisation key this admin holds: the key is sealed to the new code's
 * recovery key. Storing that copy replaces the old one, so the old code opens nothing any more.
 */
export async function newRecoveryCode(tenant: KeyPair) {
  const recoveryCode = await generateRecoveryCode();
  const recovery = await recoveryKeyPair(recoveryCode);
  try {
    const recoverySealedKey = await toBase64(await sealTenantPrivateKey(tenant.privateKey, recovery.publicKey));
    return { recoveryCode, recoverySealedKey };
  } finally {
    recovery.privateKey.fill(0);
  }
}

/** Opens the admin's own copy of the tenant key. */
export async function openMyTenantKey(copy: { tenantPublicKey: string; sealedKey: string }, me: KeyPair) {
  return openTenantKeyPair(
    { publicKey: await fromBase64(copy.tenantPublicKey), sealedPrivateKey: await fromBase64(copy.sealedKey) },
    me,
  );
}

/** The tenant private key sealed to someone's public key (a grant). */
export async function sealTenantKeyTo(tenant: KeyPair, recipientPublicKey: string): Promise<string> {
  return toBase64(await sealTenantPrivateKey(tenant.privateKey, await fromBase64(recipientPublicKey)));
}

/** Recovery: the code opens the recovery copy; the tenant key is sealed to the admin's own public key. */
export async function recoverTenantKey(
  code: string,
  box: { tenantPublicKey: string; recoverySealedKey: string },
  me: KeyPair,
): Promise<string> {
  const recovery = await recoveryKeyPair(code);
  try {
    const tenant = await openMyTenantKey(
      { tenantPublicKey: box.tenantPublicKey, sealedKey: box.recoverySealedKey },
      recovery,
    );
    const sealed = await sealTenantKeyTo(tenant, await toBase64(me.publicKey));
    tenant.privateKey.fill(0);
    return sealed;
  } finally {
    recovery.privateKey.fill(0);
  }
}
