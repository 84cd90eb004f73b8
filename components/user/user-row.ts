/** Types the user screens share: a list row as the server returns it, and who is looking. */
import type { inferRouterOutputs } from "@trpc/server";
import type { RoleName } from "@/lib/roles";
import type { AppRouter } from "@/server/trpc/root";

export type UserRow = inferRouterOutputs<AppRouter>["user"]["list"]["items"][number];

export interface Viewer {
  id: string;
  role: RoleName;
  tenantId: string | null;
}

/** Locked out after failed sign-ins (as opposed to locked by an administrator). */
export function lockedOutUntil(user: Pick<UserRow, "lockedUntil">, now = new Date()): Date | null {
  return user.lockedUntil && user.lockedUntil > now ? user.lockedUntil : null;
}
