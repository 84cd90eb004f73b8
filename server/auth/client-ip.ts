/** The caller's address for rate limiting: the first X-Forwarded-For hop when behind a proxy. */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "127.0.0.1";
}
