/** Status webhooks from a trunk gateway's provider (HTTP fax API): server/fax/receive-fax-webhook.ts. */

import { receiveFaxWebhook, WEBHOOK_MAX_BYTES } from "@/server/fax/receive-fax-webhook";
import { handleRoute } from "@/server/http/domain-error-response";

export const POST = handleRoute(async (req: Request, context: { params: Promise<{ driver: string }> }) => {
  const { driver } = await context.params;
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > WEBHOOK_MAX_BYTES) return Response.json({ error: "Webhook body too large" }, { status: 413 });
  const rawBody = Buffer.from(await req.arrayBuffer());
  const answer = await receiveFaxWebhook({ driver, rawBody, headers: req.headers });
  return Response.json(answer.status < 300 ? { message: answer.message } : { error: answer.message }, {
    status: answer.status,
  });
});
