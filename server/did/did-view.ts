/** The DID fields every list shows, with its tenant and user by name. */
import type { Prisma } from "@prisma/client";

export const didSelect = {
  id: true,
  number: true,
  title: true,
  tenantId: true,
  userId: true,
  forward: true,
  forwardEmail: true,
  createdAt: true,
  updatedAt: true,
  tenant: { select: { id: true, name: true } },
  user: { select: { id: true, username: true, firstName: true, lastName: true } },
} satisfies Prisma.DidSelect;

export type DidView = Prisma.DidGetPayload<{ select: typeof didSelect }>;
