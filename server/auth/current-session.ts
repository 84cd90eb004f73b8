/** The signed-in person for this request (server components, route handlers, tRPC context). */
import { headers } from "next/headers";
import { cache } from "react";
import { timed } from "../http/request-profile";
import { sessionIdFromCookies } from "./session-token";
import { type SessionUser, validateSession } from "./sessions";

export const currentUser = cache(
  (): Promise<SessionUser | null> =>
    timed("session", async () => {
      const h = await headers();
      const sid = await timed("session-jwt", () => sessionIdFromCookies(h));
      if (!sid) return null;
      return timed("session-db", () => validateSession(sid));
    }),
);
