"use server";
import { auth, signOut } from "./config";
import { revokeSession } from "./sessions";

/**
 * Ends the server-side session first, then clears the cookie. It does not redirect: Next renders
 * a server action's redirect target by fetching it from its own listening address, whose host is
 * not the organisation's — the signed-out page came back in the provider's brand on the
 * organisation's domain. The sign-out button loads the sign-in page afresh instead
 * (components/shell/sign-out-button.tsx), so the browser asks for it on its own domain.
 */
export async function signOutAction() {
  const session = await auth();
  if (session?.sid) await revokeSession(session.sid);
  await signOut({ redirect: false });
}
