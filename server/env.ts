/** The server environment (server/read-env.ts), guarded against any import from browser code. */
import "server-only";

export * from "./read-env";
