/**
 * Forgot password: a single-use token (only its SHA-256 is stored) mailed as a link on the
 * tenant's configured domain (the platform's configured address for platform admins) — never on
 * a host taken from the request. The answer never says whether an account exists: requests are
 * limited per login string (known or not), and the lookup, token and mail happen after the answer.
 */
import { createHash, randomBytes } from "node:crypto";
import type { NewCredentials } from "@/lib/auth/credentials";
import { runAfterResponse } from "../after-response";
import { type Actor, runInScope } from "../db/run-in-scope";
import type { Tx } from "../db/scope";
import { systemDb } from "../db/system-db";
import { badRequest, tooManyRequests } from "../errors";
import { portalUrl } from "../http/public-url";
import { mailWaitingForAccess } from "../keys/mail-waiting-for-access";
import { deliverMail, queueMail } from "../mail/send-mail";
import { passwordResetMail } from "../mail/templates/password-reset";
import type { HostContext } from "../tenant/resolve-tenant";
import { findSignInUser, normaliseLogin, realmOf } from "./find-sign-in-user";
import { paramsForNewPassword } from "./kdf-settings";
import { policyFor, publicPolicy } from "./security-policy";
import { setPassword } from "./set-password";
import { countAttempt } from "./throttle";
import { clearSignInLockouts } from "./verify-credentials";

export const RESET_TOKEN_MINUTES = 30;
/** Reset emails per login string and per person, per window. */
export const RESET_REQUESTS_PER_WINDOW = 3;
export const RESET_WINDOW_MINUTES = 15;

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

const limit = (key: string, now: Date) =>
  countAttempt({
    key,
    limit: RESET_REQUESTS_PER_WINDOW,
    windowMinutes: RESET_WINDOW_MINUTES,
    lockMinutes: RESET_WINDOW_MINUTES,
    now,
  });

/**
 * Answers at once, the same for every login; the work for a real account runs afterwards.
 * Returns that work's promise (tests wait for it; the router does not).
 */
export async function requestPasswordReset(opts: {
  login: string;
  host: HostContext;
  now?: Date;
}): Promise<{ done: Promise<void> }> {
  const now = opts.now ?? new Date();
  const login = normaliseLogin(opts.login);
  const host = opts.host;
  if (host.kind === "unknown") return { done: Promise.resolve() };
  if ((await limit(`reset:${realmOf(host)}:${encodeURIComponent(login)}`, now)).refused) {
    throw tooManyRequests(`Too many reset requests. Wait ${RESET_WINDOW_MINUTES} minutes and try again.`);
  }
  const done = runAfterResponse("password reset mail", () => mailResetLink(host, login, now));
  return { done };
}

async function mailResetLink(host: HostContext & { kind: "tenant" | "platform" }, login: string, now: Date) {
  const user = await findSignInUser(host, login);
  if (!user || user.locked) return;
  // A username and an email for the same person are two login strings: limit the person too.
  if ((await limit(`reset-user:${user.id}`, now)).refused) return;
  const brand =
    host.kind === "tenant"
      ? { name: host.tenant.name, footerText: host.tenant.footerText }
      : { name: "Faxport", footerText: null };
  const base = portalUrl(host.kind === "tenant" ? host.tenant.primaryHost : null);
  await runInScope({ scope: scopeOfUser(user), actor: null }, async (ctx) => {
    const token = await issueResetToken(ctx.db, {
      userId: user.id,
      tenantId: user.tenantId,
      minutes: RESET_TOKEN_MINUTES,
      now,
    });
    const mail = passwordResetMail(brand, {
      username: user.username,
      url: `${base}/reset-password?token=${token}`,
      minutes: RESET_TOKEN_MINUTES,
    });
    const id = await queueMail(ctx.db, { tenantId: user.tenantId, to: user.email, ...mail });
    ctx.afterCommit(() => deliverMail(id));
  });
}

const scopeOfUser = (user: { tenantId: string | null }) =>
  user.tenantId ? ({ kind: "tenant", tenantId: user.tenantId } as const) : ({ kind: "platform" } as const);

const INVALID_LINK = "This reset link is invalid or has expired. Ask for a new one.";

/**
 * What the reset (or welcome) page needs to make credentials in the browser: the account's key
 * parameters, and the name parts and policy for the browser-side password rules. Only for a live
 * link; anything else gets the same "invalid link" answer.
 */
export async function resetParams(opts: { token: string; now?: Date }) {
  const now = opts.now ?? new Date();
  const row = await systemDb().passwordResetToken.findUnique({
    where: { tokenHash: sha256(opts.token) },
    include: { user: { include: { tenant: { select: { name: true } } } } },
  });
  if (!row || row.usedAt || row.expiresAt <= now) throw badRequest(INVALID_LINK);
  const { user } = row;
  return {
    // A welcome link: the account has never had a password (the welcome page greets them and signs them in).
    welcome: !user.kdfSalt,
    organisation: user.tenant?.name ?? null,
    kdf: paramsForNewPassword(user),
    person: { username: user.username, email: user.email, firstName: user.firstName, lastName: user.lastName },
    policy: publicPolicy(await policyFor(user.tenantId)),
  };
}

export async function resetPassword(opts: {
  token: string;
  credentials: NewCredentials;
  ip?: string;
  now?: Date;
}): Promise<void> {
  const now = opts.now ?? new Date();
  const tokenHash = sha256(opts.token);
  const row = await systemDb().passwordResetToken.findUnique({ where: { tokenHash }, include: { user: true } });
  if (!row || row.usedAt || row.expiresAt <= now) throw badRequest(INVALID_LINK);
  const { user } = row;
  const actor: Actor = {
    id: user.id,
    username: user.username,
    role: user.role,
    tenantId: user.tenantId,
    permissions: [],
  };
  await runInScope({ scope: scopeOfUser(user), actor, ip: opts.ip }, async (ctx) => {
    // Claim the token in this transaction: a parallel use waits on the row, then finds it used.
    const claimed = await ctx.db.passwordResetToken.updateMany({
      where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw badRequest(INVALID_LINK);
    // Also ends every other reset link of this person (setPassword does that for any change).
    const { startedWaiting } = await setPassword(ctx.db, {
      userId: user.id,
      credentials: opts.credentials,
      byAdmin: false,
      now,
    });
    if (startedWaiting) await mailWaitingForAccess({ ctx, userId: user.id });
    await ctx.audit({ tenantId: user.tenantId, action: "user.password-reset", entityType: "User", entityId: user.id });
    // Proving the mailbox ends sign-in lockouts of this person, wherever they came from.
    ctx.afterCommit(() => clearSignInLockouts(user));
  });
}
