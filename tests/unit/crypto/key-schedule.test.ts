import { describe, expect, it } from "vitest";
import { CryptoError } from "@/lib/crypto/crypto-error";
import { fakeKdfParams } from "@/lib/crypto/fake-kdf-params";
import {
  DEFAULT_KDF,
  deriveAccountKeys,
  deriveMasterKey,
  kdfParamsSchema,
  newKdfParams,
} from "@/lib/crypto/key-schedule";

const SECRET = "server-secret-server-secret-0123456789";

describe("key schedule", () => {
  it("new params carry Argon2id at 64 MiB / 3 passes and a fresh 16-byte salt each time", async () => {
    const a = await newKdfParams();
    const b = await newKdfParams();
    expect(a).toMatchObject({ algorithm: "argon2id13", opsLimit: 3, memLimit: 64 * 1024 * 1024 });
    expect(DEFAULT_KDF).toEqual({ opsLimit: 3, memLimit: 64 * 1024 * 1024 });
    expect(a.salt).not.toBe(b.salt);
    expect(kdfParamsSchema.safeParse(a).success).toBe(true);
  });

  it("the same password and params give the same auth and unlock keys; they differ from each other", async () => {
    const params = await newKdfParams();
    const first = await deriveAccountKeys("correct horse battery", params);
    const again = await deriveAccountKeys("correct horse battery", params);
    expect(first.authKey).toHaveLength(32);
    expect(first.unlockKey).toHaveLength(32);
    expect(again).toEqual(first);
    expect(first.authKey).not.toEqual(first.unlockKey);
  });

  it("another password or another salt gives other keys", async () => {
    const params = await newKdfParams();
    const base = await deriveAccountKeys("correct horse battery", params);
    const otherPassword = await deriveAccountKeys("correct horse batterz", params);
    const otherSalt = await deriveAccountKeys("correct horse battery", await newKdfParams());
    expect(otherPassword.authKey).not.toEqual(base.authKey);
    expect(otherPassword.unlockKey).not.toEqual(base.unlockKey);
    expect(otherSalt.authKey).not.toEqual(base.authKey);
  });

  it("the auth key does not reveal the unlock key (neither is the master key)", async () => {
    const params = await newKdfParams();
    const master = await deriveMasterKey("pässwörd ☎", params);
    const copy = master.slice();
    const keys = await deriveAccountKeys("pässwörd ☎", params);
    expect(keys.authKey).not.toEqual(copy);
    expect(keys.unlockKey).not.toEqual(copy);
  });

  it("composed and decomposed accents type the same password", async () => {
    const params = await newKdfParams();
    const composed = await deriveAccountKeys("caf\u00e9-secret", params);
    const decomposed = await deriveAccountKeys("cafe\u0301-secret", params);
    expect(decomposed).toEqual(composed);
  });

  it("refuses an empty password and params weaker than the floor", async () => {
    const params = await newKdfParams();
    await expect(deriveAccountKeys("", params)).rejects.toBeInstanceOf(CryptoError);
    await expect(deriveAccountKeys("pw", { ...params, memLimit: 1024 * 1024 })).rejects.toThrow(/not valid/);
    await expect(deriveAccountKeys("pw", { ...params, salt: "short" })).rejects.toThrow(/not valid/);
  });
});

describe("fake params for unknown usernames", () => {
  it("are stable per username and look like real params", async () => {
    const a = await fakeKdfParams(SECRET, "nobody@example.com");
    const b = await fakeKdfParams(SECRET, "  Nobody@Example.com ");
    const real = await newKdfParams();
    expect(a).toEqual(b);
    expect(kdfParamsSchema.safeParse(a).success).toBe(true);
    expect({ ...a, salt: "" }).toEqual({ ...real, salt: "" });
    expect(a.salt).toHaveLength(real.salt.length);
  });

  it("differ per username and per server secret", async () => {
    const a = await fakeKdfParams(SECRET, "alice");
    const b = await fakeKdfParams(SECRET, "bob");
    const c = await fakeKdfParams(`${SECRET}-other`, "alice");
    expect(a.salt).not.toBe(b.salt);
    expect(a.salt).not.toBe(c.salt);
  });

  it("refuses a short server secret", async () => {
    await expect(fakeKdfParams("short", "alice")).rejects.toThrow(/32\+ characters/);
  });
});
