/**
 * Five-field cron schedules (minute hour day-of-month month day-of-week), in UTC, as Inngest
 * reads them: lists, ranges, steps and `*`; an optional `TZ=UTC` prefix. Other time zones are
 * refused when the runner starts rather than fired at the wrong hour.
 */
export interface CronSchedule {
  /** The first scheduled minute strictly after `after`. */
  nextAfter(after: Date): Date;
}

const FIELDS = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12 },
  { name: "day of week", min: 0, max: 7 },
] as const;

function parseField(text: string, index: number): { values: Set<number>; any: boolean } {
  const { name, min, max } = FIELDS[index]!;
  const values = new Set<number>();
  for (const part of text.split(",")) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) throw new Error(`Cannot read the cron ${name} "${part}"`);
    const from = match[1] === "*" ? min : Number(match[2]);
    const to = match[1] === "*" ? max : match[3] !== undefined ? Number(match[3]) : match[4] ? max : from;
    const step = match[4] ? Number(match[4]) : 1;
    if (from < min || to > max || from > to || step < 1) throw new Error(`The cron ${name} "${part}" is out of range`);
    for (let v = from; v <= to; v += step) values.add(index === 4 && v === 7 ? 0 : v);
  }
  return { values, any: text === "*" };
}

export function parseCron(expression: string): CronSchedule {
  let text = expression.trim();
  const tz = /^(?:TZ|CRON_TZ)=(\S+)\s+/.exec(text);
  if (tz) {
    if (tz[1] !== "UTC" && tz[1] !== "Etc/UTC") throw new Error(`Only UTC cron schedules are supported, not ${tz[1]}`);
    text = text.slice(tz[0].length);
  }
  const parts = text.split(/\s+/);
  if (parts.length !== 5) throw new Error(`A cron schedule has five fields: "${expression}"`);
  const [minute, hour, dom, month, dow] = parts.map(parseField) as [
    ReturnType<typeof parseField>,
    ReturnType<typeof parseField>,
    ReturnType<typeof parseField>,
    ReturnType<typeof parseField>,
    ReturnType<typeof parseField>,
  ];
  // Classic cron: when both day fields are restricted, either may match.
  const dayMatches = (d: Date) => {
    const byDom = dom.values.has(d.getUTCDate());
    const byDow = dow.values.has(d.getUTCDay());
    if (!dom.any && !dow.any) return byDom || byDow;
    return byDom && byDow;
  };
  return {
    nextAfter(after) {
      const t = new Date(after.getTime());
      t.setUTCSeconds(0, 0);
      t.setUTCMinutes(t.getUTCMinutes() + 1);
      for (let guard = 0; guard < 200_000; guard++) {
        if (!month.values.has(t.getUTCMonth() + 1)) {
          t.setUTCMonth(t.getUTCMonth() + 1, 1);
          t.setUTCHours(0, 0, 0, 0);
        } else if (!dayMatches(t)) {
          t.setUTCDate(t.getUTCDate() + 1);
          t.setUTCHours(0, 0, 0, 0);
        } else if (!hour.values.has(t.getUTCHours())) {
          t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
        } else if (!minute.values.has(t.getUTCMinutes())) {
          t.setUTCMinutes(t.getUTCMinutes() + 1, 0, 0);
        } else {
          return t;
        }
      }
      throw new Error(`The cron schedule "${expression}" never fires`);
    },
  };
}
