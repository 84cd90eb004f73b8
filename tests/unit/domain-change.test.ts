import { describe, expect, it } from "vitest";
import { addressOn, domainChange } from "../../lib/branding/domain-change";
import { logoAdvice } from "../../lib/branding/logo-advice";

const saved = [
  { hostname: "acme.example", verified: true },
  { hostname: "pending.example", verified: false },
];

describe("domainChange", () => {
  it("asks nothing when no verified address stops serving", () => {
    expect(domainChange({ saved, next: ["acme.example", "new.example"], byPlatformAdmin: false })).toBeNull();
    expect(domainChange({ saved, next: ["acme.example"], byPlatformAdmin: false })).toBeNull(); // drops a pending one
  });

  it("a tenant admin's replacement waits for proof; the old keeps serving", () => {
    expect(domainChange({ saved, next: ["New.example "], byPlatformAdmin: false })).toEqual({
      from: ["acme.example"],
      to: ["new.example"],
      dropped: ["acme.example"],
      waitsForProof: true,
    });
  });

  it("applies at once for a platform admin, or when another verified domain stays", () => {
    expect(domainChange({ saved, next: ["new.example"], byPlatformAdmin: true })?.waitsForProof).toBe(false);
    const two = [...saved, { hostname: "second.example", verified: true }];
    expect(domainChange({ saved: two, next: ["second.example"], byPlatformAdmin: false })).toMatchObject({
      dropped: ["acme.example"],
      waitsForProof: false,
    });
  });

  it("does not count a domain already being replaced as one that stops now", () => {
    const moving = [
      { hostname: "old.example", verified: true, retiring: true },
      { hostname: "new.example", verified: false },
    ];
    expect(domainChange({ saved: moving, next: ["other.example"], byPlatformAdmin: false })).toBeNull();
  });
});

describe("addressOn", () => {
  it("keeps protocol and port", () => {
    expect(addressOn("new.example", "/login", { protocol: "http:", port: "3000" })).toBe(
      "http://new.example:3000/login",
    );
    expect(addressOn("new.example", "/login", { protocol: "https:", port: "" })).toBe("https://new.example/login");
  });
});

describe("logoAdvice", () => {
  it("warns about tall and small bitmaps, never about a good wide logo or a vector", () => {
    expect(logoAdvice({ width: 120, height: 900 }, "image/png")).toMatch(/taller than wide: .* about 4 px wide/);
    expect(logoAdvice({ width: 100, height: 30 }, "image/png")).toMatch(/only 100×30 px/);
    expect(logoAdvice({ width: 100, height: 30 }, "image/svg+xml")).toBeNull();
    expect(logoAdvice({ width: 640, height: 160 }, "image/png")).toBeNull();
  });
});
