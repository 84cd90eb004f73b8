/**
 * Auth.js (next-auth v5): a Credentials provider over `verifyCredentials`, JWT cookies that carry
 * only a server-side session id (see sessions.ts). Cookies are per host, so each tenant domain
 * has its own sign-in.
 */

import { cookies } from "next/headers";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authKeySchema } from "@/lib/auth/credentials";
import { clientAddress, requestHost, requestProtocol } from "../http/request-host";
import { resolveHost } from "../tenant/resolve-tenant";
import { cookieFrom, DEVICE_COOKIE, DEVICE_COOKIE_DAYS, issueDeviceCookie } from "./device-cookie";
import { ABSOLUTE_SESSION_HOURS, createSession, revokeSession } from "./sessions";
import { verifyCredentials } from "./verify-credentials";

class SignInRefused extends CredentialsSignin {
  constructor(message: string) {
    super(message);
    this.code = message; // shown to the person as is; never says which of username/password was wrong
  }
}

// The browser sends the auth key derived from the password, never the password (lib/auth/credentials.ts).
const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(254),
  authKey: authKeySchema,
});

declare module "next-auth" {
  interface User {
    sid?: string;
  }
  interface Session {
    sid?: string;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: ABSOLUTE_SESSION_HOURS * 3600 },
  pages: { signIn: "/login" },
  logger: { error: (e) => (e instanceof CredentialsSignin ? undefined : console.error(e)) },
  providers: [
    Credentials({
      credentials: { username: {}, authKey: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new SignInRefused("Enter your username and password.");
        const host = await resolveHost(requestHost(request.headers));
        const ip = clientAddress(request.headers);
        const device = cookieFrom(request.headers.get("cookie"), DEVICE_COOKIE);
        const result = await verifyCredentials({ ...parsed.data, host, ip, device });
        if (!result.ok) throw new SignInRefused(result.message);
        // Remember this browser for this login: its failures are then counted apart from strangers'.
        (await cookies()).set(DEVICE_COOKIE, issueDeviceCookie(result.realm, result.login), {
          httpOnly: true,
          sameSite: "lax",
          secure: requestProtocol(request.headers) === "https",
          path: "/",
          maxAge: DEVICE_COOKIE_DAYS * 86_400,
        });
        const sid = await createSession({
          userId: result.user.id,
          tenantId: result.user.tenantId,
          ip: ip ?? undefined,
          userAgent: request.headers.get("user-agent") ?? undefined,
        });
        return { id: result.user.id, name: result.user.username, sid };
      },
    }),
  ],
  events: {
    // Auth.js's own /api/auth/signout only clears the cookie: end the server-side session too.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await revokeSession(sid);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user?.sid) token.sid = user.sid;
      return token;
    },
    session({ session, token }) {
      session.sid = typeof token.sid === "string" ? token.sid : undefined;
      return session;
    },
  },
});
