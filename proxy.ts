/**
 * Next 16 proxy: only request plumbing. Passes the host through for tenant resolution, sets a
 * nonce-based Content-Security-Policy on every page (no inline script runs without the nonce),
 * refuses cross-site API mutations, and asks for HTTPS only (HSTS) once reached over HTTPS.
 */
import { type NextRequest, NextResponse } from "next/server";
import { clientAddress, requestHost, requestProtocol } from "./server/http/request-host";
import { checkSameOrigin, HSTS } from "./server/http/same-origin";

export function proxy(request: NextRequest) {
  // Cross-site request forgery: API mutations only from our own pages (server actions: Next checks).
  const api = request.nextUrl.pathname;
  if (api.startsWith("/api/trpc") || api.startsWith("/api/documents/")) {
    const verdict = checkSameOrigin(request, {}, api.startsWith("/api/trpc") ? "json" : "bytes");
    if (!verdict.ok) return NextResponse.json({ error: { message: verdict.message } }, { status: 403 });
  }
  const nonce = btoa(crypto.randomUUID());
  const dev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const headers = new Headers(request.headers);
  // One trusted view of the request downstream: Auth.js reads X-Forwarded-* itself (a comma list
  // there was a 500), so they are rewritten to what server/http/request-host.ts believes.
  const host = requestHost(request.headers);
  if (host) headers.set("x-forwarded-host", host);
  headers.set("x-forwarded-proto", requestProtocol(request.headers));
  const address = clientAddress(request.headers);
  if (address) headers.set("x-forwarded-for", address);
  else headers.delete("x-forwarded-for");
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  // The logo route keeps its own stricter policy (default-src 'none'); a page policy would loosen it.
  if (request.nextUrl.pathname !== "/api/branding/logo") response.headers.set("Content-Security-Policy", csp);
  if (requestProtocol(request.headers) === "https") response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
