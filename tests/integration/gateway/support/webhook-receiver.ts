/** Our side of the webhooks in tests: a local HTTP endpoint that hands the raw body to the gateway. */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";

export type WebhookHandler = (input: { rawBody: Buffer; headers: Record<string, string | undefined> }) => {
  status: number;
  message: string;
};

export class WebhookReceiver {
  private server: Server | null = null;
  handler: WebhookHandler = () => ({ status: 503, message: "no gateway yet" });
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/api/webhooks/fax`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const out = this.handler({ rawBody: Buffer.concat(chunks), headers: flatten(req.headers) });
        res.writeHead(out.status, { "content-type": "text/plain" });
        res.end(out.message);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const address = this.server.address();
    if (address && typeof address === "object") this.port = address.port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

function flatten(headers: IncomingHttpHeaders): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v]));
}
