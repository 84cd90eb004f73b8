#!/usr/bin/env node
/**
 * `npm start`: install what is missing, then hand over to scripts/serve.ts (embedded database,
 * migrations, demo seed, build, serve). Plain Node on purpose — it runs before dependencies exist.
 */
import { ensureNativeGateway } from "./build-native.mjs";
import { SANDBOX_PACKAGE } from "./debian-packages.mjs";
import { ensureDebianPackages, ensureDependencies, run } from "./ensure-deps.mjs";

ensureDependencies();
ensureDebianPackages([SANDBOX_PACKAGE]); // document conversion runs its tools only inside bubblewrap
ensureNativeGateway(); // never fails the start: without it the loopback gateway uses a timing model and says so
process.exitCode = run("node_modules/.bin/tsx", ["scripts/serve.ts", ...process.argv.slice(2)]);
