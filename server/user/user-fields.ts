/** What the admin screens see of a user: never the password hash or reset tokens. */
import type { Prisma } from "@prisma/client";

export const USER_FIELDS = {
  id: true,
  tenantId: true,
  username: true,
  email: true,
  firstName: true,
  lastName: true,
  phone: true,
  role: true,
  permissions: true,
  locked: true,
  lockedUntil: true,
  mustChangePassword: true,
  lastLoginAt: true,
  createdAt: true,
  tenant: { select: { name: true, timeZone: true } },
} satisfies Prisma.UserSelect;
