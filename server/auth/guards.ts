/** Page guards for server components: who may see a page, decided on the server. */
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { RoleName } from "@/lib/roles";
import { requestHost } from "../http/request-host";
import { resolveHost } from "../tenant/resolve-tenant";
import { currentUser } from "./current-session";
import { isOnOwnPortal } from "./own-portal";
import type { SessionUser } from "./sessions";

export async function currentHost() {
  const h = await headers();
  return resolveHost(requestHost(h));
}

/** The signed-in person when their session belongs to this host's portal; else null. */
export async function signedInHere(): Promise<SessionUser | null> {
  const [user, host] = await Promise.all([currentUser(), currentHost()]);
  return user && isOnOwnPortal(user, host) ? user : null;
}

/** The signed-in person on their own portal, or a redirect to sign in / change password. */
export async function requireUser(opts: { allowPasswordChange?: boolean } = {}): Promise<SessionUser> {
  const [user, host] = await Promise.all([currentUser(), currentHost()]);
  if (!user) redirect("/login");
  if (!isOnOwnPortal(user, host)) redirect("/login");
  if (user.mustChangePassword && !opts.allowPasswordChange) redirect("/change-password");
  return user;
}

/** Returns the user when their role is allowed; otherwise null (the page shows "no access"). */
export async function userWithRole(...roles: RoleName[]): Promise<SessionUser | null> {
  const user = await requireUser();
  return roles.includes(user.role) ? user : null;
}
