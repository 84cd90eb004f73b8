/** The signed-in person for this request (server components, route handlers, tRPC context). */
import { cache } from "react";
import { auth } from "./config";
import { type SessionUser, validateSession } from "./sessions";

export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  if (!session?.sid) return null;
  return validateSession(session.sid);
});
