/** "1 minute", "15 minutes": counts read as sentences, never "minute(s)". */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
