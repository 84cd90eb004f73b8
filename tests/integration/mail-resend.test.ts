/**
 * Contract test for the Resend transport (a paid API that cannot be reached here) against a local
 * fake that follows Resend's public API: POST /emails with a Bearer key and a JSON body of
 * from, to, subject, html, text → 200 { id }; errors as JSON with statusCode, name and message.
 */
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb } from "../../server/db/client";
import { sendMail } from "../../server/mail/send-mail";

const resendEmail = z.object({
  from: z.string().min(3),
  to: z.union([z.string().email(), z.array(z.string().email()).min(1).max(50)]),
  subject: z.string().min(1),
  html: z.string().optional(),
  text: z.string().optional(),
});

const requests: { auth: string | undefined; idempotencyKey?: string | string[]; body: unknown }[] = [];
let failNext = false;
const server = http.createServer((req, res) => {
  let raw = "";
  req.on("data", (c) => (raw += c));
  req.on("end", () => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(body));
    };
    requests.push({
      auth: req.headers.authorization,
      idempotencyKey: req.headers["idempotency-key"],
      body: JSON.parse(raw || "{}"),
    });
    if (req.method !== "POST" || req.url !== "/emails")
      return reply(404, { statusCode: 404, name: "not_found", message: "Not found" });
    if (req.headers.authorization !== "Bearer re_test_key")
      return reply(401, { statusCode: 401, name: "missing_api_key", message: "Missing API key" });
    const parsed = resendEmail.safeParse(JSON.parse(raw));
    if (!parsed.success || failNext) {
      failNext = false;
      return reply(422, { statusCode: 422, name: "validation_error", message: "Invalid `to` field." });
    }
    reply(200, { id: "49a3999c-0ce1-4ea6-ab68-afcd6dc2e794" });
  });
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_API_URL = `http://127.0.0.1:${port}`;
  process.env.MAIL_FROM = "Acme Fax <fax@acme.test>";
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("Resend transport", () => {
  it("posts the message as Resend documents it and records it as sent", async () => {
    const result = await sendMail({
      tenantId: null,
      to: "bob@acme.test",
      subject: "Hello",
      text: "Hi Bob",
      html: "<p>Hi Bob</p>",
    });
    expect(result.status).toBe("sent");
    expect(requests.at(-1)).toEqual({
      auth: "Bearer re_test_key",
      // The message's own id: Resend sends a message sent again (a job's step run twice) only once.
      idempotencyKey: `faxport-mail/${result.id}`,
      body: {
        from: "Acme Fax <fax@acme.test>",
        to: ["bob@acme.test"],
        subject: "Hello",
        html: "<p>Hi Bob</p>",
        text: "Hi Bob",
      },
    });
    expect(await getDb().mailMessage.findUniqueOrThrow({ where: { id: result.id } })).toMatchObject({
      transport: "resend",
      status: "sent",
    });
  });

  it("keeps a refused message with Resend's reason", async () => {
    failNext = true;
    const result = await sendMail({ tenantId: null, to: "bob@acme.test", subject: "Hello", text: "x", html: "x" });
    expect(result.status).toBe("failed");
    const row = await getDb().mailMessage.findUniqueOrThrow({ where: { id: result.id } });
    expect(row.error).toContain("Resend answered 422");
    expect(row.error).toContain("Invalid `to` field.");
  });
});
