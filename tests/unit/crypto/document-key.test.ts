import { describe, expect, it } from "vitest";
import {
  decryptFaxTitle,
  decryptName,
  encryptFaxTitle,
  encryptName,
  newDocumentKey,
  openDocumentKey,
  regrantDocumentKey,
  sealDocumentKey,
  sealDocumentKeyFor,
} from "@/lib/crypto/document-key";
import { loadSodium } from "@/lib/crypto/sodium";
import type { KeyPair } from "@/lib/crypto/user-keys";

async function person(): Promise<KeyPair> {
  const { publicKey, privateKey } = (await loadSodium()).crypto_box_keypair();
  return { publicKey, privateKey };
}

describe("document key", () => {
  it("is 32 random bytes, new every time", async () => {
    const a = await newDocumentKey();
    expect(a).toHaveLength(32);
    expect(await newDocumentKey()).not.toEqual(a);
  });

  it("sealed to owner and tenant: both open it, a stranger cannot", async () => {
    const owner = await person();
    const tenant = await person();
    const stranger = await person();
    const key = await newDocumentKey();
    const { forOwner, forTenant } = await sealDocumentKeyFor(key, owner.publicKey, tenant.publicKey);
    expect(await openDocumentKey(forOwner, owner)).toEqual(key);
    expect(await openDocumentKey(forTenant, tenant)).toEqual(key);
    await expect(openDocumentKey(forOwner, stranger)).rejects.toMatchObject({
      reason: "wrong-key-or-tampered",
      message: "Your key does not open this document's key, or it was altered.",
    });
  });

  it("a tampered or unknown-version sealed key is refused", async () => {
    const owner = await person();
    const sealed = await sealDocumentKey(await newDocumentKey(), owner.publicKey);
    const flipped = sealed.slice();
    flipped[10]! ^= 0x40;
    await expect(openDocumentKey(flipped, owner)).rejects.toMatchObject({ reason: "wrong-key-or-tampered" });
    const versioned = sealed.slice();
    versioned[0] = 2;
    await expect(openDocumentKey(versioned, owner)).rejects.toMatchObject({ reason: "bad-format" });
  });

  it("re-grant: the tenant opens K and seals it to the person's new key pair; the old key pair is not needed", async () => {
    const tenant = await person();
    const resetUser = await person();
    const key = await newDocumentKey();
    const forTenant = await sealDocumentKey(key, tenant.publicKey);
    const forNewKey = await regrantDocumentKey(forTenant, tenant, resetUser.publicKey);
    expect(await openDocumentKey(forNewKey, resetUser)).toEqual(key);
    await expect(regrantDocumentKey(forTenant, resetUser, resetUser.publicKey)).rejects.toMatchObject({
      reason: "wrong-key-or-tampered",
    });
  });
});

describe("names encrypted with the document key", () => {
  it("round-trip, including accents and emoji, and hide the text", async () => {
    const key = await newDocumentKey();
    for (const name of ["Lab results – Müller.pdf", "☎ fax", ""]) {
      const sealed = await encryptName(name, key);
      expect(await decryptName(sealed, key)).toBe(name);
      if (name) expect(Buffer.from(sealed).toString("utf8")).not.toContain(name);
    }
    const a = await encryptName("same", key);
    expect(await encryptName("same", key)).not.toEqual(a);
  });

  it("another document's key or a changed byte fails", async () => {
    const key = await newDocumentKey();
    const sealed = await encryptName("Invoice 42", key);
    await expect(decryptName(sealed, await newDocumentKey())).rejects.toMatchObject({
      reason: "wrong-key-or-tampered",
    });
    const changed = sealed.slice();
    changed[changed.length - 3]! ^= 1;
    await expect(decryptName(changed, key)).rejects.toMatchObject({ reason: "wrong-key-or-tampered" });
    await expect(decryptName(sealed.subarray(0, 20), key)).rejects.toMatchObject({ reason: "bad-format" });
  });
});

describe("fax titles encrypted with the fax's document key", () => {
  it("round-trip, and are never mistaken for a name (nor a name for a title)", async () => {
    const key = await newDocumentKey();
    const title = await encryptFaxTitle("Results for Dr Okafor", key);
    expect(await decryptFaxTitle(title, key)).toBe("Results for Dr Okafor");
    expect(Buffer.from(title).toString("utf8")).not.toContain("Okafor");
    await expect(decryptName(title, key)).rejects.toMatchObject({ reason: "wrong-key-or-tampered" });
    await expect(decryptFaxTitle(await encryptName("x.pdf", key), key)).rejects.toMatchObject({
      reason: "wrong-key-or-tampered",
    });
  });
});
