/** A pending tenant domain's verification token, on that domain (see server/tenant/domain-token.ts). */
import { domainTokenFor } from "@/server/tenant/domain-token";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const token = await domainTokenFor(req.headers.get("x-forwarded-host") ?? req.headers.get("host"));
  return new Response(token ?? "Not found", {
    status: token ? 200 : 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
