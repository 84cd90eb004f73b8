/**
 * The mail outbox for platform admins: every message the portal sent, newest first. The HTML body
 * never leaves the server; the text body is what the outbox shows.
 */
import type { Prisma } from "@prisma/client";
import type { ListInput, Page } from "@/lib/schemas/common";
import type { Tx } from "../db/scope";
import { containsText } from "../db/search";
import { notFound } from "../errors";

export async function listOutbox(opts: { db: Tx; input: ListInput }) {
  const { search, page, pageSize } = opts.input;
  const where: Prisma.MailMessageWhereInput = search
    ? {
        OR: [{ to: containsText(search) }, { subject: containsText(search) }],
      }
    : {};
  const [items, total] = await Promise.all([
    opts.db.mailMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        to: true,
        subject: true,
        transport: true,
        status: true,
        error: true,
        createdAt: true,
        sentAt: true,
        tenant: { select: { name: true, timeZone: true } },
      },
    }),
    opts.db.mailMessage.count({ where }),
  ]);
  return { items, total, page, pageSize } satisfies Page<(typeof items)[number]>;
}

/** One message with its text body (kept beside the list: the outbox's only other read). */
export async function getOutboxMessage(opts: { db: Tx; id: string }) {
  const message = await opts.db.mailMessage.findUnique({
    where: { id: opts.id },
    select: {
      id: true,
      to: true,
      subject: true,
      text: true,
      transport: true,
      status: true,
      error: true,
      createdAt: true,
      sentAt: true,
      tenant: { select: { name: true, timeZone: true } },
    },
  });
  if (!message) throw notFound("Message");
  return message;
}
