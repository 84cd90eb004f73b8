import { describe, expect, it } from "vitest";
import { loadSodium } from "@/lib/crypto/sodium";
import {
  createTenantKeyPair,
  generateRecoveryCode,
  grantTenantKey,
  openTenantKeyPair,
  parseRecoveryCode,
  recoveryKeyPair,
  sealTenantPrivateKey,
} from "@/lib/crypto/tenant-keys";
import type { KeyPair } from "@/lib/crypto/user-keys";

async function person(): Promise<KeyPair> {
  const { publicKey, privateKey } = (await loadSodium()).crypto_box_keypair();
  return { publicKey, privateKey };
}

describe("tenant key pair", () => {
  it("an admin's sealed copy opens to the tenant key pair; another person's key does not open it", async () => {
    const tenant = await createTenantKeyPair();
    const admin = await person();
    const stranger = await person();
    const sealed = await sealTenantPrivateKey(tenant.privateKey, admin.publicKey);
    const opened = await openTenantKeyPair({ publicKey: tenant.publicKey, sealedPrivateKey: sealed }, admin);
    expect(opened.privateKey).toEqual(tenant.privateKey);
    await expect(
      openTenantKeyPair({ publicKey: tenant.publicKey, sealedPrivateKey: sealed }, stranger),
    ).rejects.toMatchObject({ reason: "wrong-key-or-tampered", message: expect.stringMatching(/tenant key/) });
  });

  it("a copy presented as another tenant's is refused", async () => {
    const tenant = await createTenantKeyPair();
    const otherTenant = await createTenantKeyPair();
    const admin = await person();
    const sealed = await sealTenantPrivateKey(tenant.privateKey, admin.publicKey);
    await expect(
      openTenantKeyPair({ publicKey: otherTenant.publicKey, sealedPrivateKey: sealed }, admin),
    ).rejects.toThrow(/another tenant/);
  });

  it("an admin grants tenant-wide access to a second person", async () => {
    const tenant = await createTenantKeyPair();
    const admin = await person();
    const newcomer = await person();
    const mine = {
      publicKey: tenant.publicKey,
      sealedPrivateKey: await sealTenantPrivateKey(tenant.privateKey, admin.publicKey),
    };
    const theirs = await grantTenantKey(mine, admin, newcomer.publicKey);
    const opened = await openTenantKeyPair({ publicKey: tenant.publicKey, sealedPrivateKey: theirs }, newcomer);
    expect(opened.privateKey).toEqual(tenant.privateKey);
  });
});

describe("recovery code", () => {
  it("looks like 8 groups of 4 unambiguous characters and is different each time", async () => {
    const a = await generateRecoveryCode();
    const b = await generateRecoveryCode();
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$/);
    expect(a).not.toBe(b);
    expect(parseRecoveryCode(a)).toHaveLength(20);
  });

  it("the code rebuilds the recovery key pair that opens the tenant key, even typed sloppily", async () => {
    const tenant = await createTenantKeyPair();
    const code = await generateRecoveryCode();
    const recovery = await recoveryKeyPair(code);
    const sealed = await sealTenantPrivateKey(tenant.privateKey, recovery.publicKey);

    const sloppy = code.toLowerCase().replace(/-/g, " ").replace(/1/g, "l").replace(/0/g, "o");
    const rebuilt = await recoveryKeyPair(sloppy);
    expect(rebuilt.publicKey).toEqual(recovery.publicKey);
    const opened = await openTenantKeyPair({ publicKey: tenant.publicKey, sealedPrivateKey: sealed }, rebuilt);
    expect(opened.privateKey).toEqual(tenant.privateKey);
  });

  it("a different code does not open it; a malformed code is refused with a hint", async () => {
    const tenant = await createTenantKeyPair();
    const recovery = await recoveryKeyPair(await generateRecoveryCode());
    const sealed = await sealTenantPrivateKey(tenant.privateKey, recovery.publicKey);
    const wrong = await recoveryKeyPair(await generateRecoveryCode());
    await expect(
      openTenantKeyPair({ publicKey: tenant.publicKey, sealedPrivateKey: sealed }, wrong),
    ).rejects.toMatchObject({ reason: "wrong-key-or-tampered" });
    expect(() => parseRecoveryCode("ABCD-EFGH")).toThrow(/32 letters and digits/);
    expect(() => parseRecoveryCode("UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU")).toThrow(/32 letters/);
  });
});
