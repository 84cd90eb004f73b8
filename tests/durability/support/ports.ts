/**
 * Each durability file has its own PostgreSQL port — DURABILITY_PG_PORT plus the file's offset — so
 * the files run side by side (two workers) instead of one after another.
 */
export const durabilityPgPort = (offset: 0 | 1 | 2) => Number(process.env.DURABILITY_PG_PORT ?? 54360) + offset;
