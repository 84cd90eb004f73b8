/**
 * Email in two steps: `queueMail` writes the MailMessage row inside the caller's transaction, and
 * `deliverMail` sends it once that transaction has committed (`ctx.afterCommit`) — a rolled-back
 * change sends nothing, and a slow mail server does not hold a transaction open. Transport: Resend
 * when RESEND_API_KEY is set, SMTP when SMTP_URL is set, otherwise the local outbox (readable by
 * platform admins in the portal).
 */
import nodemailer from "nodemailer";
import type { Tx } from "../db/scope";
import { systemDb } from "../db/system-db";
import { env } from "../read-env";

export interface Mail {
  tenantId: string | null;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export type Transport = "resend" | "smtp" | "outbox";

export function currentTransport(): Transport {
  const e = env();
  if (e.RESEND_API_KEY) return "resend";
  if (e.SMTP_URL) return "smtp";
  return "outbox";
}

/** Writes the message as "queued" in the caller's transaction; returns its id for `deliverMail`. */
export async function queueMail(db: Pick<Tx, "mailMessage">, mail: Mail): Promise<string> {
  const row = await db.mailMessage.create({ data: { ...mail, transport: currentTransport(), status: "queued" } });
  return row.id;
}

/** Sends a queued message (after its transaction committed) and records the outcome on it. */
export async function deliverMail(id: string): Promise<{ id: string; status: "sent" | "failed" }> {
  const db = systemDb();
  const row = await db.mailMessage.findUniqueOrThrow({ where: { id } });
  const mail: Mail = { tenantId: row.tenantId, to: row.to, subject: row.subject, text: row.text, html: row.html };
  try {
    if (row.transport === "resend") await sendWithResend(id, mail);
    if (row.transport === "smtp") await sendWithSmtp(id, mail);
    await db.mailMessage.update({ where: { id }, data: { status: "sent", sentAt: new Date() } });
    return { id, status: "sent" };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.mailMessage.update({ where: { id }, data: { status: "failed", error: message.slice(0, 1000) } });
    return { id, status: "failed" };
  }
}

/** Queues and delivers at once, for work outside any transaction. */
export async function sendMail(mail: Mail): Promise<{ id: string; status: "sent" | "failed" }> {
  return deliverMail(await queueMail(systemDb(), mail));
}

// The message's id names each sending: Resend sends one message once for a key within 24 hours, and a
// message sent twice over SMTP (a job asked for the same step again) carries one Message-ID.
async function sendWithResend(id: string, mail: Mail): Promise<void> {
  const e = env();
  const res = await fetch(`${e.RESEND_API_URL}/emails`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${e.RESEND_API_KEY}`,
      "Content-Type": "application/json",
      "Idempotency-Key": `faxport-mail/${id}`,
    },
    body: JSON.stringify({ from: e.MAIL_FROM, to: [mail.to], subject: mail.subject, html: mail.html, text: mail.text }),
  });
  if (!res.ok) throw new Error(`Resend answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
}

async function sendWithSmtp(id: string, mail: Mail): Promise<void> {
  const e = env();
  const transporter = nodemailer.createTransport(e.SMTP_URL!);
  await transporter.sendMail({
    messageId: `<${id}@${/@([^>\s]+)/.exec(e.MAIL_FROM)?.[1] ?? "faxport.localhost"}>`,
    from: e.MAIL_FROM,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
  });
}
