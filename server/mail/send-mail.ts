/**
 * Sends an email and keeps a copy in MailMessage. Transport: Resend when RESEND_API_KEY is set,
 * SMTP when SMTP_URL is set, otherwise the local outbox (readable by platform admins in the portal).
 */
import nodemailer from "nodemailer";
import { getDb } from "../db/client";
import { env } from "../env";

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

export async function sendMail(mail: Mail): Promise<{ id: string; status: string }> {
  const db = getDb();
  const transport = currentTransport();
  const row = await db.mailMessage.create({ data: { ...mail, transport, status: "queued" } });
  try {
    if (transport === "resend") await sendWithResend(mail);
    if (transport === "smtp") await sendWithSmtp(mail);
    await db.mailMessage.update({ where: { id: row.id }, data: { status: "sent", sentAt: new Date() } });
    return { id: row.id, status: "sent" };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.mailMessage.update({ where: { id: row.id }, data: { status: "failed", error: message.slice(0, 1000) } });
    return { id: row.id, status: "failed" };
  }
}

async function sendWithResend(mail: Mail): Promise<void> {
  const e = env();
  const res = await fetch(`${e.RESEND_API_URL}/emails`, {
    method: "POST",
    headers: { Authorization: `Bearer ${e.RESEND_API_KEY}`, "Content-Type": "application/json" },
    body: JSON.stringify({ from: e.MAIL_FROM, to: [mail.to], subject: mail.subject, html: mail.html, text: mail.text }),
  });
  if (!res.ok) throw new Error(`Resend answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
}

async function sendWithSmtp(mail: Mail): Promise<void> {
  const e = env();
  const transporter = nodemailer.createTransport(e.SMTP_URL!);
  await transporter.sendMail({
    from: e.MAIL_FROM,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
  });
}
