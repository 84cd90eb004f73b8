/**
 * The e2e portal's database, for what a spec must set up or check underneath the pages (a fax in a
 * given state, a ciphertext column). One short connection per query: specs run side by side.
 */
import pg from "pg";

export const E2E_DATABASE_URL = `postgresql://faxport_app:faxport-local@127.0.0.1:${process.env.E2E_PG_PORT ?? 54350}/faxport`;

export async function sql<T = unknown>(text: string, values: unknown[] = []): Promise<T[]> {
  const db = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await db.connect();
  try {
    return (await db.query(text, values)).rows as T[];
  } finally {
    await db.end();
  }
}

/**
 * A fax of `org`'s user, written straight into the database in the state under test (`facts`: status,
 * callState, attemptsMade…), submitted `minutesAgo`: 3 pages, one retry allowed. Returns its id.
 */
export async function insertFaxJob(
  org: { id: string; user: { id: string } },
  toNumber: string,
  minutesAgo: number,
  facts: Record<string, unknown>,
): Promise<string> {
  const submittedAt = new Date(Date.now() - minutesAgo * 60_000);
  const columns = ["tenantId", "userId", "toNumber", "submittedAt", "maxRetries", "pages", ...Object.keys(facts)];
  const values = [org.id, org.user.id, toNumber, submittedAt, 1, 3, ...Object.values(facts)];
  const [row] = await sql<{ id: string }>(
    `INSERT INTO "FaxJob" (id, ${columns.map((c) => `"${c}"`).join(", ")})
     VALUES (gen_random_uuid(), ${columns.map((c, i) => (c === "status" ? `$${i + 1}::"FaxStatus"` : `$${i + 1}`)).join(", ")})
     RETURNING id`,
    values,
  );
  return row!.id;
}
