/** Where the embedded default keeps its state, and the ports it uses. */
import path from "node:path";

export const DATA_DIR = path.resolve(process.env.FAXPORT_DATA_DIR ?? ".data");
export const EMBEDDED_DATA_DIR = path.join(DATA_DIR, "pg");
export const EMBEDDED_PORT = Number(process.env.FAXPORT_PG_PORT ?? 54320);
