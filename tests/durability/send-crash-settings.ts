/** The send crash test's batch, shared by the test and the process it kills (send-crash-runner.ts). */
import { lineFor } from "../../server/gateway/loopback/number-plan";

const digits = Array.from({ length: 10 }, (_, d) => d);

/** Working fax machines: any number whose last three digits the loopback plan gives no other line. */
const faxMachines = Array.from({ length: 400 }, (_, i) => `+1312555${1000 + i}`)
  .filter((n) => lineFor(n).kind === "fax" && !/70[12]$/.test(n))
  .slice(0, 170);

/** 200 sends: each group's numbers with the attempts its policy allows (1 minute apart). */
export const SEND_CRASH_BATCH = [
  { name: "Fax machines", attempts: 2, numbers: faxMachines },
  {
    name: "Busy lines",
    attempts: 2,
    numbers: [...digits.map((d) => `+1312555${d}486`), ...digits.map((d) => `+1312556${d}486`)],
  },
  { name: "Unanswered lines", attempts: 1, numbers: digits.map((d) => `+1312557${d}480`) },
];

export const SEND_CRASH_SENDS = SEND_CRASH_BATCH.reduce((n, g) => n + g.numbers.length, 0);
