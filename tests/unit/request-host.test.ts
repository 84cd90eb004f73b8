import { describe, expect, it } from "vitest";
import { clientAddress, requestHost, requestProtocol } from "@/server/http/request-host";
import { checkSameOrigin } from "@/server/http/same-origin";

const h = (init: Record<string, string>) => new Headers(init);
const spoofed = h({
  host: "localhost:3000",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https://evil.example/?a=",
  "x-forwarded-for": "6.6.6.6",
});

describe("forwarded headers", () => {
  it("count for nothing without a configured proxy", () => {
    expect(requestHost(spoofed, { trustProxy: false })).toBe("localhost:3000");
    expect(requestProtocol(spoofed, { trustProxy: false })).toBe("http");
    expect(clientAddress(spoofed, { trustProxy: false })).toBeNull();
  });

  it("behind a proxy, take the entry the proxy itself added", () => {
    const viaProxy = h({
      host: "10.0.0.5:3000",
      "x-forwarded-host": "acme.example, fax.acme.com",
      "x-forwarded-proto": "https",
      "x-forwarded-for": "6.6.6.6, 203.0.113.9",
    });
    expect(requestHost(viaProxy, { trustProxy: true })).toBe("fax.acme.com");
    expect(requestProtocol(viaProxy, { trustProxy: true })).toBe("https");
    expect(clientAddress(viaProxy, { trustProxy: true })).toBe("203.0.113.9");
    expect(requestProtocol(spoofed, { trustProxy: true })).toBe("http"); // not a scheme we know
  });
});

describe("cross-site API mutations", () => {
  const post = (headers: Record<string, string>) => ({
    method: "POST",
    headers: h({ host: "acme.localhost:3000", ...headers }),
  });
  const opts = { trustProxy: false };

  it("are refused as forms or from another origin", () => {
    expect(checkSameOrigin(post({ "content-type": "multipart/form-data; boundary=x" }), opts).ok).toBe(false);
    expect(checkSameOrigin(post({ "content-type": "text/plain" }), opts).ok).toBe(false);
    const json = { "content-type": "application/json" };
    expect(checkSameOrigin(post({ ...json, origin: "http://evil.example" }), opts).ok).toBe(false);
    expect(checkSameOrigin(post({ ...json, origin: "http://globex.localhost:3000" }), opts).ok).toBe(false);
    expect(checkSameOrigin(post({ ...json, "sec-fetch-site": "cross-site" }), opts).ok).toBe(false);
  });

  it("are accepted as JSON from the portal's own pages; reads always", () => {
    const own = {
      "content-type": "application/json",
      origin: "http://acme.localhost:3000",
      "sec-fetch-site": "same-origin",
    };
    expect(checkSameOrigin(post(own), opts).ok).toBe(true);
    expect(checkSameOrigin({ method: "GET", headers: h({ origin: "http://evil.example" }) }, opts).ok).toBe(true);
  });
});
