/**
 * With FAXPORT_PROFILE=1, every SQL round trip the Prisma client makes is counted and timed for the
 * request profile (server/http/request-profile.ts): BEGIN, set_config, queries, COMMIT.
 */
import type { PrismaPg } from "@prisma/adapter-pg";
import { timed } from "../http/request-profile";

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type Queryable = Pick<Adapter, "queryRaw" | "executeRaw">;

function spanOf(sql: string): string {
  if (sql === "BEGIN") return "sql-begin";
  if (sql === "COMMIT" || sql === "ROLLBACK") return "sql-commit";
  return sql.includes("set_config") ? "sql-set-config" : "sql";
}

function timeQueries<T extends Queryable>(q: T): T {
  const queryRaw = q.queryRaw.bind(q);
  const executeRaw = q.executeRaw.bind(q);
  q.queryRaw = (query) => timed(spanOf(query.sql), () => queryRaw(query));
  q.executeRaw = (query) => timed(spanOf(query.sql), () => executeRaw(query));
  return q;
}

export function timedAdapter(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = timeQueries(await connect());
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => timeQueries(await startTransaction(isolationLevel));
    return adapter;
  };
  return factory;
}
