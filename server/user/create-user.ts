/** Adds a user to a tenant (or a platform admin), checking the password policy. */
import type { Role } from "@prisma/client";
import type { Actor } from "../audit/record-audit";
import { recordAudit } from "../audit/record-audit";
import { hashPassword } from "../auth/password-hash";
import { checkNewPassword } from "../auth/set-password";
import type { Tx } from "../db/scope";
import { badRequest, conflict, isUniqueViolation } from "../errors";
import { assertEmailFree, emailTakenMessage } from "./email-in-use";

export interface CreateUserOptions {
  db: Tx;
  actor: Actor | null;
  tenantId: string | null;
  username: string;
  email: string;
  firstName?: string;
  lastName?: string;
  phone?: string | null;
  role: Role;
  permissions?: string[];
  password: string;
  mustChangePassword: boolean;
  ip?: string | null;
}

export async function createUser(opts: CreateUserOptions) {
  if (opts.role === "PLATFORM_ADMIN" ? opts.tenantId !== null : opts.tenantId === null) {
    throw badRequest(
      opts.role === "PLATFORM_ADMIN" ? "Platform admins do not belong to a tenant." : "Choose a tenant for this user.",
    );
  }
  const username = opts.username.trim().toLowerCase();
  const person = { username, email: opts.email, firstName: opts.firstName, lastName: opts.lastName };
  await checkNewPassword(opts.db, { tenantId: opts.tenantId, password: opts.password, person });
  await assertEmailFree(opts.db, { tenantId: opts.tenantId, email: opts.email });
  const passwordHash = await hashPassword(opts.password);
  const email = opts.email.toLowerCase();
  // Unique per tenant in the database (platform admins among themselves): of two concurrent
  // creates, the second fails here even though both passed the check above.
  const user = await opts.db.user
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
        mustChangePassword: opts.mustChangePassword,
      },
    })
    .catch((error: unknown) => {
      if (!isUniqueViolation(error)) throw error;
      throw violatedEmail(error)
        ? conflict(emailTakenMessage(email), "email")
        : conflict(`The username "${username}" is already taken.`, "username");
    });
  await recordAudit(opts.db, {
    tenantId: opts.tenantId,
    actor: opts.actor,
    action: "user.create",
    entityType: "User",
    entityId: user.id,
    details: { username, role: opts.role },
    ip: opts.ip,
  });
  return user;
}

/** Which of User's unique indexes a violation hit (Prisma names the fields or the index). */
function violatedEmail(error: unknown): boolean {
  const meta = (error as { meta?: unknown }).meta;
  return /email/i.test(JSON.stringify(meta ?? {}));
}
