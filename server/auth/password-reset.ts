/**
 * Forgot password: a single-use token (only its SHA-256 is stored) mailed as a link on the
 * tenant's own domain. The answer never says whether an account exists.
 */
import { createHash, randomBytes } from "node:crypto";
import { recordAudit } from "../audit/record-audit";
import { getDb } from "../db/client";
import { badRequest } from "../db/errors";
import { type Tx, withScope } from "../db/scope";
import { sendMail } from "../mail/send-mail";
import { passwordResetMail } from "../mail/templates/password-reset";
import type { HostContext } from "../tenant/resolve-tenant";
import { setPassword } from "./set-password";

export const RESET_TOKEN_MINUTES = 30;

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** A single-use token for /reset-password; only its SHA-256 is stored. */
export async function issueResetToken(
  db: Pick<Tx, "passwordResetToken">,
  opts: { userId: string; tenantId: string | null; minutes: number; now?: Date },
): Promise<string> {
  const now = opts.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  await db.passwordResetToken.create({
    data: {
      userId: opts.userId,
      tenantId: opts.tenantId,
      tokenHash: sha256(token),
      expiresAt: new Date(now.getTime() + opts.minutes * 60_000),
    },
  });
  return token;
}

export async function requestPasswordReset(opts: {
  login: string;
  host: HostContext;
  origin: string;
  now?: Date;
}): Promise<void> {
  const db = getDb();
  const login = opts.login.trim().toLowerCase();
  const tenantId = opts.host.kind === "tenant" ? opts.host.tenant.id : null;
  if (opts.host.kind === "unknown") return;
  const user = await db.user.findFirst({
    where: {
      OR: [{ username: login }, { email: login }],
      tenantId,
      ...(tenantId ? {} : { role: "PLATFORM_ADMIN" }),
    },
  });
  if (!user || user.locked) return;
  const token = await issueResetToken(db, {
    userId: user.id,
    tenantId: user.tenantId,
    minutes: RESET_TOKEN_MINUTES,
    now: opts.now,
  });
  const brand =
    opts.host.kind === "tenant"
      ? { name: opts.host.tenant.name, footerText: opts.host.tenant.footerText }
      : { name: "Faxport", footerText: null };
  const mail = passwordResetMail(brand, {
    username: user.username,
    url: `${opts.origin}/reset-password?token=${token}`,
    minutes: RESET_TOKEN_MINUTES,
  });
  await sendMail({ tenantId: user.tenantId, to: user.email, ...mail });
}

export async function resetPassword(opts: { token: string; password: string; ip?: string; now?: Date }): Promise<void> {
  const db = getDb();
  const now = opts.now ?? new Date();
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: sha256(opts.token) },
    include: { user: true },
  });
  if (!row || row.usedAt || row.expiresAt <= now) {
    throw badRequest("This reset link is invalid or has expired. Ask for a new one.");
  }
  const scope = row.user.tenantId
    ? ({ kind: "tenant", tenantId: row.user.tenantId } as const)
    : ({ kind: "platform" } as const);
  await withScope(scope, async (tx) => {
    await setPassword(tx, { userId: row.userId, password: opts.password, byAdmin: false, now });
    await tx.passwordResetToken.update({ where: { id: row.id }, data: { usedAt: now } });
    await recordAudit(tx, {
      tenantId: row.user.tenantId,
      actor: { id: row.userId, username: row.user.username },
      action: "user.password-reset",
      entityType: "User",
      entityId: row.userId,
      ip: opts.ip,
    });
  });
}
