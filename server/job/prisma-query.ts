/** The runner's run controls issue plain SQL; in a tRPC procedure they run in its scoped transaction. */
import type { Query } from "@/inngest/runner/store";
import type { Tx } from "../db/scope";

export const prismaQuery =
  (db: Tx): Query =>
  <T>(text: string, values: unknown[]) =>
    db.$queryRawUnsafe<T[]>(text, ...values);
