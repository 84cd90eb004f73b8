/** Calls tRPC procedures from server components with the same context as HTTP requests. */
import "server-only";
import { headers } from "next/headers";
import { createContext } from "./context";
import { createCaller } from "./root";

export async function serverTrpc() {
  return createCaller(await createContext({ headers: await headers() }));
}
