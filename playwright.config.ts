/**
 * Browser tests in Debian's Chromium against the real portal, started exactly as `npm start` starts
 * it (`node scripts/start.mjs` → scripts/serve.ts, secrets generated under its data directory, the
 * job runner in that process), with its own embedded PostgreSQL under .data/e2e (wiped by
 * scripts/test.mjs before each run) and the demo seed. Only ports, the data directory and test
 * speed-ups are set here — never a secret or setting npm start would not have, so a job that works
 * here works for users.
 */
import { defineConfig, type Project } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// The self-check (scripts/self-check.mjs) runs planted specs that need no portal: no web server then.
const planted = process.env.FAXPORT_PLANTED_SPECS;
// `npm run screenshots` runs tests/screenshots/ (docs/screenshots/ regenerated) against the same portal.
const screenshots = Boolean(process.env.FAXPORT_SCREENSHOTS);

/**
 * Specs run three at a time, file by file and test by test, where they cannot meet. The demo world
 * (Acme and Globex, seeded by scripts/serve.ts) is shared, so:
 *  1. "demo world setup" makes what the first sign-ins would (the organisation keys) once;
 *  2. "reading" — specs that only read the demo world — and "own organisations" — specs that make
 *     organisations of their own (tests/e2e/organisation.ts) and change only those — run in parallel;
 *  3. "demo world" — a spec that changes Acme or Globex (their domains, logos, policies, people) —
 *     would run after "reading", one at a time. Today there is none: every such spec moved to
 *     organisations of its own, so nothing waits for a single worker.
 * A new spec that creates its organisation with tests/e2e/organisation.ts goes under OWN_ORGANISATIONS.
 * Any spec file not named below runs in "demo world", the safe default.
 * One spec alone: `playwright test --no-deps tests/e2e/<name>.spec.ts` (without --no-deps the projects a
 * spec's project depends on run first, in full). Every spec passes alone: what the setup makes, the
 * specs that need it make too when it is missing (tests/e2e/organisation-key.ts).
 */
const READING = ["every-page", "security-headers", "route-isolation", "guidance"].map((name) => `**/${name}.spec.ts`);
const OWN_ORGANISATIONS = [
  "tenant-onboarding",
  "recovery-code",
  "lists",
  "session-revocation",
  "lockout",
  "waiting-for-access",
  "password-reset",
  "recovery-step",
  "welcome",
  "new-fax-form",
  "wording-and-zones",
  "organisation-country",
  "form-errors",
  "new-fax-layout",
  "platform-list-status",
  "renamed-docx-download",
  "send-fax",
  "jobs",
  "platform-faxes",
  "sent-list-layout",
  "cover-page",
  "first-day",
  "document-keys-lifecycle",
  "account-keys",
  "documents",
  "documents-actions",
  "unlock-where-needed",
  "auth-abuse",
  "bad-input",
  "domain-change",
  "domain-verification",
  "branding-logo",
  "trunk-drivers",
  "destructive-actions",
].map((name) => `**/${name}.spec.ts`);

const projects: Project[] = [
  { name: "demo world setup", testMatch: "**/demo-world.setup.ts" },
  { name: "reading", testMatch: READING, fullyParallel: true, dependencies: ["demo world setup"] },
  { name: "own organisations", testMatch: OWN_ORGANISATIONS, fullyParallel: true, dependencies: ["demo world setup"] },
  {
    name: "demo world",
    testMatch: "**/*.spec.ts",
    testIgnore: [...READING, ...OWN_ORGANISATIONS],
    workers: 1,
    dependencies: ["reading"],
  },
];

export default defineConfig({
  testDir: planted ?? (screenshots ? "tests/screenshots" : "tests/e2e"),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Three on two cores: while one page waits on the network, another worker's page uses the CPU
  // (measured: with two workers ~10 % of the CPU was idle during the stage, with three ~5 %).
  workers: 3,
  projects: planted || screenshots ? undefined : projects,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  use: {
    screenshot: "only-on-failure",
    baseURL: `http://localhost:${PORT}`,
    // No trace by default: recording one costs CPU in every test (~3 % of the stage), and a failing
    // test still leaves its screenshot and page snapshot in test-results/. To record traces when
    // chasing a failure: `playwright test --trace retain-on-failure <spec>`.
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: planted
    ? undefined
    : {
        command: "node scripts/start.mjs",
        url: `http://localhost:${PORT}/login`,
        timeout: 600_000, // a first run builds the portal (next build), minutes on a busy machine
        reuseExistingServer: false,
        stdout: "ignore",
        stderr: "pipe",
        env: {
          PORT: String(PORT),
          FAXPORT_DATA_DIR: ".data/e2e",
          FAXPORT_PG_PORT: process.env.E2E_PG_PORT ?? "54350",
          // A port already in use is reported under the names set here.
          FAXPORT_PORT_SETTING: "E2E_PORT",
          FAXPORT_PG_PORT_SETTING: "E2E_PG_PORT",
          // Cheap Argon2id for the browser's key derivation, so each sign-in takes milliseconds.
          FAXPORT_KDF_OPS: "1",
          FAXPORT_KDF_MEM_MIB: "8",
          // The demo phone network at ten times line speed: a three-page fax takes seconds, not a minute.
          FAXPORT_LOOPBACK_TIME_SCALE: "0.1",
        },
      },
});
