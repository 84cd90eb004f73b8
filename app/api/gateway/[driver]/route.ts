/** Status webhooks from a trunk gateway's provider (HTTP fax API): server/fax/receive-fax-webhook.ts. */
import { receiveFaxWebhook, WEBHOOK_MAX_BYTES } from "@/server/fax/receive-fax-webhook";
import { handleRoute } from "@/server/http/domain-error-response";

const tooLarge = () => Response.json({ error: "Webhook body too large" }, { status: 413 });

/** The body, or null once it passes the limit (read no further: a stream without a length can be endless). */
async function readCapped(req: Request, limit: number): Promise<Buffer | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
}

export const POST = handleRoute(async (req: Request, context: { params: Promise<{ driver: string }> }) => {
  const { driver } = await context.params;
  if (Number(req.headers.get("content-length") ?? 0) > WEBHOOK_MAX_BYTES) return tooLarge();
  const rawBody = await readCapped(req, WEBHOOK_MAX_BYTES);
  if (!rawBody) return tooLarge();
  const answer = await receiveFaxWebhook({ driver, rawBody, headers: req.headers });
  return Response.json(answer.status < 300 ? { message: answer.message } : { error: answer.message }, {
    status: answer.status,
  });
});
