import { beforeAll, describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "../../server/crypto/secret-box";

beforeAll(() => {
  process.env.AUTH_SECRET ??= "unit-test-secret-unit-test-secret-0123456789";
});

/** Flips one character of a base64url segment, keeping it valid base64url. */
function flip(segment: string): string {
  const c = segment[0] === "A" ? "B" : "A";
  return c + segment.slice(1);
}

describe("secret box", () => {
  it("round-trips a secret, including non-ASCII and empty text", () => {
    for (const plain of ["s3cret-SIP-pass", "pässwörd ☎", ""]) {
      expect(openSecret(sealSecret(plain))).toBe(plain);
    }
  });

  it("produces a versioned v1.<iv>.<tag>.<ciphertext> string without the plain text", () => {
    const sealed = sealSecret("hunter2-hunter2");
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain("hunter2");
  });

  it("uses a fresh IV each time", () => {
    const a = sealSecret("same");
    const b = sealSecret("same");
    expect(a).not.toBe(b);
    expect(a.split(".")[1]).not.toBe(b.split(".")[1]);
  });

  it("detects tampering with the ciphertext, tag or IV", () => {
    const parts = sealSecret("do-not-touch").split(".");
    for (const i of [1, 2, 3]) {
      const tampered = parts.map((p, j) => (j === i ? flip(p) : p)).join(".");
      expect(() => openSecret(tampered)).toThrow();
    }
  });

  it("refuses values sealed under another AUTH_SECRET and unknown formats", () => {
    const sealed = sealSecret("bound-to-key");
    const original = process.env.AUTH_SECRET;
    process.env.AUTH_SECRET = "another-secret-another-secret-0123456789";
    try {
      expect(() => openSecret(sealed)).toThrow(/integrity/);
    } finally {
      process.env.AUTH_SECRET = original;
    }
    expect(() => openSecret(sealed.replace(/^v1/, "v9"))).toThrow(/format/);
    expect(() => openSecret("garbage")).toThrow();
  });
});
