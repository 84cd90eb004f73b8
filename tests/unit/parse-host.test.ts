import { describe, expect, it } from "vitest";
import { parseHost } from "@/server/tenant/resolve-tenant";

describe("parseHost", () => {
  it("drops the port, case and trailing dot", () => {
    expect(parseHost("Acme.LocalHost:3000")).toBe("acme.localhost");
    expect(parseHost("fax.acme.com.")).toBe("fax.acme.com");
    expect(parseHost("a.example, b.example")).toBe("a.example");
    expect(parseHost("[::1]:3000")).toBe("[::1]");
    expect(parseHost(null)).toBe("");
  });
});
