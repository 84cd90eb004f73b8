/**
 * The e2e portal's database, for what a spec must set up or check underneath the pages (a fax in a
 * given state, a ciphertext column). One short connection per query: specs run side by side.
 */
import pg from "pg";
import { E2E_DATABASE_URL } from "./organisation-key";

export async function sql<T = unknown>(text: string, values: unknown[] = []): Promise<T[]> {
  const db = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await db.connect();
  try {
    return (await db.query(text, values)).rows as T[];
  } finally {
    await db.end();
  }
}
