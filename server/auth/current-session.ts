/** The signed-in person for this request (server components, route handlers, tRPC context). */
import { cache } from "react";
import { timed } from "../http/request-profile";
import { auth } from "./config";
import { type SessionUser, validateSession } from "./sessions";

export const currentUser = cache(
  (): Promise<SessionUser | null> =>
    timed("session", async () => {
      const session = await timed("session-jwt", () => auth());
      if (!session?.sid) return null;
      const sid = session.sid;
      return timed("session-db", () => validateSession(sid));
    }),
);
