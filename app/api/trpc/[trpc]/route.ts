import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { withRequestProfile } from "@/server/http/request-profile";
import { createContext } from "@/server/trpc/context";
import { appRouter } from "@/server/trpc/root";

function handler(req: Request) {
  return withRequestProfile("trpc", () =>
    fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: appRouter,
      createContext: () => createContext({ headers: req.headers }),
      onError({ error, path }) {
        if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path}:`, error.cause ?? error);
      },
    }),
  );
}

export { handler as GET, handler as POST };
