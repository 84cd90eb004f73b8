/** One value of a page's `searchParams` (`?search=…`), or "" when absent or repeated. */
export function searchParam(params: Record<string, string | string[] | undefined>, name: string): string {
  const v = params[name];
  return typeof v === "string" ? v.slice(0, 200) : "";
}
