import path from "node:path";
import { defineConfig } from "vitest/config";

// The self-check (scripts/self-check.mjs) runs each project, with its real setup, on planted tests.
const planted = process.env.FAXPORT_PLANTED_TESTS;
const include = (normal: string) => [planted ? `${planted}/**/*.test.ts` : normal];

const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    // Every file is isolated (integration files each have their own database, see
    // tests/support/database-per-file.ts), so two run side by side even on two cores, where
    // Vitest's default (cores − 1) would run one. Durability files have a port each
    // (tests/durability/support/ports.ts).
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: include("tests/unit/**/*.test.ts"),
          environment: "node",
          // Real Argon2id (64 MiB, 3 passes) in WASM takes seconds when two files share two cores.
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: include("tests/integration/**/*.test.ts"),
          environment: "node",
          globalSetup: ["tests/support/global-postgres.ts"],
          setupFiles: ["tests/support/database-per-file.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: "forks",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "durability",
          include: include("tests/durability/**/*.test.ts"),
          environment: "node",
          testTimeout: 600_000,
          hookTimeout: 600_000,
          pool: "forks",
        },
      },
    ],
  },
});
