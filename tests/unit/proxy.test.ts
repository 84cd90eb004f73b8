/** The Next proxy: HSTS only over HTTPS behind a configured proxy; cross-site API posts refused. */
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const request = (url: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(url, { method: init.method ?? "GET", headers: init.headers });

afterEach(() => {
  delete process.env.TRUST_PROXY;
});

describe("proxy", () => {
  it("asks for HTTPS only (HSTS) when a trusted proxy says the request came over HTTPS", () => {
    const viaTls = { host: "fax.acme.com", "x-forwarded-proto": "https" };
    expect(
      proxy(request("http://fax.acme.com/login", { headers: viaTls })).headers.get("strict-transport-security"),
    ).toBeNull(); // nobody said a proxy is there: anyone can send that header
    process.env.TRUST_PROXY = "true";
    expect(
      proxy(request("http://fax.acme.com/login", { headers: viaTls })).headers.get("strict-transport-security"),
    ).toMatch(/max-age=\d+/);
    expect(
      proxy(request("http://fax.acme.com/login", { headers: { host: "fax.acme.com" } })).headers.get(
        "strict-transport-security",
      ),
    ).toBeNull();
  });

  it("refuses a form posted to the API from another site", () => {
    const res = proxy(
      request("http://acme.localhost:3000/api/trpc/auth.requestPasswordReset", {
        method: "POST",
        headers: { host: "acme.localhost:3000", origin: "http://evil.example", "content-type": "multipart/form-data" },
      }),
    );
    expect(res.status).toBe(403);
  });
});
