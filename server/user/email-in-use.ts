/**
 * Sign-in by email looks the address up within one portal, so two accounts of a tenant (or two
 * platform admins) sharing an email would make it ambiguous. The database enforces it too (a
 * unique index per tenant); this check gives the clear message in the usual, unraced case.
 */
import type { Tx } from "../db/scope";
import { conflict } from "../errors";

export const emailTakenMessage = (email: string) => `The email ${email} is already used by another account here.`;

export async function assertEmailFree(
  db: Tx,
  opts: { tenantId: string | null; email: string; exceptId?: string },
): Promise<void> {
  const email = opts.email.toLowerCase();
  const clash = await db.user.findFirst({
    where: {
      tenantId: opts.tenantId,
      email,
      ...(opts.tenantId ? {} : { role: "PLATFORM_ADMIN" }),
      ...(opts.exceptId ? { id: { not: opts.exceptId } } : {}),
    },
    select: { id: true },
  });
  if (clash) throw conflict(emailTakenMessage(email), "email");
}
