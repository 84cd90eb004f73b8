/**
 * Browser tests in Debian's Chromium against the real portal, started exactly as `npm start` starts
 * it (`node scripts/start.mjs` → scripts/serve.ts, secrets generated under its data directory, the
 * job runner in that process), with its own embedded PostgreSQL under .data/e2e (wiped by
 * scripts/test.mjs before each run) and the demo seed. Only ports, the data directory and test
 * speed-ups are set here — never a secret or setting npm start would not have, so a job that works
 * here works for users.
 */
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// The self-check (scripts/self-check.mjs) runs planted specs that need no portal: no web server then.
const planted = process.env.FAXPORT_PLANTED_SPECS;

export default defineConfig({
  testDir: planted ?? "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  use: {
    screenshot: "only-on-failure",
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
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
