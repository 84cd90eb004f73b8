"use server";
import { auth, signOut } from "./config";
import { revokeSession } from "./sessions";

/** Ends the server-side session first, then clears the cookie. */
export async function signOutAction() {
  const session = await auth();
  if (session?.sid) await revokeSession(session.sid);
  await signOut({ redirectTo: "/login" });
}
