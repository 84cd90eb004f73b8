#!/usr/bin/env node
/**
 * `npm start`: install what is missing, then hand over to scripts/serve.ts (embedded database,
 * migrations, demo seed, build, serve). Plain Node on purpose — it runs before dependencies exist.
 */
import { ensureDependencies, run } from "./ensure-deps.mjs";

ensureDependencies();
process.exitCode = run("node_modules/.bin/tsx", ["scripts/serve.ts", ...process.argv.slice(2)]);
