/**
 * One SQL statement and its rows, over whichever connection the caller holds: a node-pg client (the
 * job runner's own transactions, a step's transaction) or a Prisma transaction (a tRPC procedure's
 * scoped one). The run controls (server/job/run-controls) are written against it so they work in
 * both. Parameters are cast in the SQL, since Prisma sends them untyped.
 */
import type pg from "pg";
import type { Tx } from "./scope";

export type Query = <T = Record<string, unknown>>(text: string, values: unknown[]) => Promise<T[]>;

export const queryWith =
  (client: pg.Pool | pg.PoolClient): Query =>
  async <T>(text: string, values: unknown[]) =>
    (await client.query(text, values)).rows as T[];

export const prismaQuery =
  (db: Tx): Query =>
  <T>(text: string, values: unknown[]) =>
    db.$queryRawUnsafe<T[]>(text, ...values);

/** A time as a parameter: always an explicit UTC instant. */
export const at = (date: Date) => date.toISOString();
