import { describe, expect, it } from "vitest";
import { deriveAccountKeys, newKdfParams } from "@/lib/crypto/key-schedule";
import { loadSodium } from "@/lib/crypto/sodium";
import {
  createUserKeys,
  openPrivateKey,
  resealPrivateKey,
  sealPrivateKey,
  unlockUserKeys,
} from "@/lib/crypto/user-keys";

async function randomKey() {
  return (await loadSodium()).randombytes_buf(32);
}

describe("user key pair", () => {
  it("sign-up then sign-in with the same password unlocks the same key pair", async () => {
    const params = await newKdfParams();
    const { unlockKey } = await deriveAccountKeys("long enough password", params);
    const created = await createUserKeys(unlockKey);
    const stored = { publicKey: created.publicKey, sealedPrivateKey: created.sealedPrivateKey };

    const again = await deriveAccountKeys("long enough password", params);
    const unlocked = await unlockUserKeys(stored, again.unlockKey);
    expect(unlocked.privateKey).toEqual(created.privateKey);
    expect(unlocked.publicKey).toEqual(created.publicKey);
  });

  it("the stored sealed private key does not contain the private key", async () => {
    const created = await createUserKeys(await randomKey());
    const hex = Buffer.from(created.sealedPrivateKey).toString("hex");
    expect(hex).not.toContain(Buffer.from(created.privateKey).toString("hex"));
    expect(created.sealedPrivateKey[0]).toBe(1);
  });

  it("a wrong password does not unlock, with a message a person understands", async () => {
    const created = await createUserKeys(await randomKey());
    await expect(unlockUserKeys(created, await randomKey())).rejects.toMatchObject({
      reason: "wrong-key-or-tampered",
      message: "The password does not unlock this account's keys.",
    });
  });

  it("a tampered sealed key or a swapped public key is refused", async () => {
    const unlockKey = await randomKey();
    const created = await createUserKeys(unlockKey);
    const tampered = created.sealedPrivateKey.slice();
    tampered[tampered.length - 1]! ^= 1;
    await expect(unlockUserKeys({ ...created, sealedPrivateKey: tampered }, unlockKey)).rejects.toMatchObject({
      reason: "wrong-key-or-tampered",
    });
    const other = await createUserKeys(unlockKey);
    await expect(unlockUserKeys({ ...created, publicKey: other.publicKey }, unlockKey)).rejects.toThrow(/altered/);
  });

  it("an unknown format version is refused as such", async () => {
    const unlockKey = await randomKey();
    const sealed = await sealPrivateKey(await randomKey(), unlockKey);
    sealed[0] = 9;
    await expect(openPrivateKey(sealed, unlockKey)).rejects.toMatchObject({ reason: "bad-format" });
  });

  it("a password change re-seals the same private key; the old password stops working", async () => {
    const oldKey = await randomKey();
    const newKey = await randomKey();
    const created = await createUserKeys(oldKey);
    const resealed = await resealPrivateKey(created.sealedPrivateKey, oldKey, newKey);
    const unlocked = await unlockUserKeys({ publicKey: created.publicKey, sealedPrivateKey: resealed }, newKey);
    expect(unlocked.privateKey).toEqual(created.privateKey);
    await expect(openPrivateKey(resealed, oldKey)).rejects.toMatchObject({ reason: "wrong-key-or-tampered" });
  });
});
