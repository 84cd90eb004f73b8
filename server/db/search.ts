/**
 * Prisma's `contains` becomes SQL LIKE without escaping, so a search for "%" matched every row
 * and "_" any character. Every list search goes through these.
 */

/** `text` with LIKE's wildcards (% and _) and its escape character (\) taken literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

/** A case-insensitive "contains this text" filter. */
export function containsText(text: string) {
  return { contains: escapeLike(text), mode: "insensitive" as const };
}
