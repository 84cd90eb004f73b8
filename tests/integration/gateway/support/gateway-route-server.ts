/**
 * The app's gateway routes (app/api/gateway/…) on a local HTTP port, so a fake provider reaches them
 * as it would reach the portal: each request becomes a web Request handed to the route's own handler.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import { GET as mediaRoute } from "@/app/api/gateway/[driver]/media/[token]/route";
import { POST as webhookRoute } from "@/app/api/gateway/[driver]/route";

export type RouteHit = { method: string; path: string; status: number };

export class GatewayRouteServer {
  readonly hits: RouteHit[] = [];
  private server: Server | null = null;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(async (response) => {
        this.hits.push({ method: req.method ?? "", path: req.url ?? "", status: response.status });
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const address = this.server.address();
    if (address && typeof address === "object") this.port = address.port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(req: IncomingMessage): Promise<Response> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.set(name, value);
    }
    const url = new URL(req.url ?? "/", this.url);
    const request = new Request(url, {
      method: req.method,
      headers,
      ...(req.method === "POST" ? { body: Buffer.concat(chunks) } : {}),
    });
    const media = url.pathname.match(/^\/api\/gateway\/([^/]+)\/media\/([^/]+)$/);
    if (req.method === "GET" && media) {
      return mediaRoute(request, { params: Promise.resolve({ driver: media[1]!, token: media[2]! }) });
    }
    const webhook = url.pathname.match(/^\/api\/gateway\/([^/]+)$/);
    if (req.method === "POST" && webhook) {
      return webhookRoute(request, { params: Promise.resolve({ driver: webhook[1]! }) });
    }
    return new Response("Not found", { status: 404 });
  }
}
