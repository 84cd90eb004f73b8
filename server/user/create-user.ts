/**
 * Adds a user to a tenant (or a platform admin). The password arrives as credentials the admin's
 * browser derived with a fresh salt; the password policy was checked there (lib/password-policy.ts).
 */
import type { Role } from "@prisma/client";
import type { NewCredentials } from "@/lib/auth/credentials";
import { assertNewPasswordParams, kdfColumns } from "../auth/kdf-settings";
import { hashAuthKey } from "../auth/password-hash";
import type { ScopedContext } from "../db/run-in-scope";
import { badRequest, conflict, isUniqueViolation } from "../errors";
import { assertEmailFree, emailTakenMessage } from "./email-in-use";

export interface CreateUserOptions {
  /** The scoped work this creation is part of (its audit row is signed by ctx.actor). */
  ctx: ScopedContext;
  tenantId: string | null;
  username: string;
  email: string;
  firstName?: string;
  lastName?: string;
  phone?: string | null;
  role: Role;
  permissions?: string[];
  /** null: no password yet — the person chooses one through a welcome link (and gets keys then). */
  credentials: NewCredentials | null;
  mustChangePassword: boolean;
}

export async function createUser(opts: CreateUserOptions) {
  const { ctx } = opts;
  if (opts.role === "PLATFORM_ADMIN" ? opts.tenantId !== null : opts.tenantId === null) {
    throw badRequest(
      opts.role === "PLATFORM_ADMIN"
        ? "Platform admins do not belong to an organisation."
        : "Choose an organisation for this user.",
    );
  }
  const username = opts.username.trim().toLowerCase();
  const { credentials } = opts;
  if (credentials) assertNewPasswordParams({ kdfSalt: null }, credentials.kdf);
  await assertEmailFree(ctx.db, { tenantId: opts.tenantId, email: opts.email });
  // Without a password the hash stays empty: no auth key verifies against it, and with no salt
  // sign-in answers exactly as for an unknown name (server/auth/verify-credentials.ts).
  const passwordHash = credentials ? await hashAuthKey(credentials.authKey) : "";
  const email = opts.email.toLowerCase();
  // Unique per tenant in the database (platform admins among themselves): of two concurrent
  // creates, the second fails here even though both passed the check above.
  const user = await ctx.db.user
    .create({
      data: {
        tenantId: opts.tenantId,
        username,
        email,
        firstName: opts.firstName ?? "",
        lastName: opts.lastName ?? "",
        phone: opts.phone ?? null,
        role: opts.role,
        permissions: opts.permissions ?? [],
        passwordHash,
        ...(credentials
          ? {
              ...kdfColumns(credentials.kdf),
              publicKey: credentials.keys.publicKey,
              sealedPrivateKey: credentials.keys.sealedPrivateKey,
            }
          : {}),
        mustChangePassword: opts.mustChangePassword,
        // Shown on Grant ("created by"); the name as it is now, as an organisation cannot see a platform admin.
        createdById: ctx.actor?.id ?? null,
        createdByName: ctx.actor?.username ?? null,
        createdByRole: ctx.actor?.role ?? null,
      },
    })
    .catch((error: unknown) => {
      if (!isUniqueViolation(error)) throw error;
      throw violatedEmail(error)
        ? conflict(emailTakenMessage(email), "email")
        : conflict(`The username "${username}" is already taken.`, "username");
    });
  await ctx.audit({
    tenantId: opts.tenantId,
    action: "user.create",
    entityType: "User",
    entityId: user.id,
    details: { username, role: opts.role },
  });
  return user;
}

/** Which of User's unique indexes a violation hit (Prisma names the fields or the index). */
function violatedEmail(error: unknown): boolean {
  const meta = (error as { meta?: unknown }).meta;
  return /email/i.test(JSON.stringify(meta ?? {}));
}
