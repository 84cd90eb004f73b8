/**
 * Loads the spandsp addon (native/, built by scripts/build-native.mjs) and runs one in-process T.30
 * call on a worker thread. Returns null from `loadNativeFaxCall()` when the addon is not built, so
 * callers can fall back to a timing model and say so.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { z } from "zod";

export const faxCallOptionsSchema = z.object({
  // The addon copies paths into 1 KiB buffers.
  txFile: z.string().min(1).max(1000),
  rxFile: z.string().min(1).max(1000),
  /** T.30 idents are at most 20 printable characters. */
  txIdent: z.string().max(20).default(""),
  rxIdent: z.string().max(20).default(""),
  /** The sender's header line on every page: date and time, this text, the station id and page number. */
  headerInfo: z.string().max(50).default(""),
  /** POSIX TZ string for the header's date and time (server/gateway/posix-time-zone.ts). */
  headerTz: z.string().max(63).default(""),
  link: z.enum(["linear", "alaw", "ulaw", "t38"]).default("alaw"),
  ecm: z.boolean().default(true),
  /** The call hangs up half a second into the image of page n+1 (n pages got through). */
  dropAfterPages: z.number().int().min(0).optional(),
  /** The receiver stops answering half a second into page n+1 (e.g. out of paper). */
  receiverFailAfterPages: z.number().int().min(0).optional(),
  /** Nothing answers with fax tones. */
  silentFarEnd: z.boolean().default(false),
  maxCallSeconds: z.number().int().min(1).max(7200).default(1800),
});
export type FaxCallOptions = z.input<typeof faxCallOptionsSchema>;

const eventSchema = z.object({
  kind: z.enum(["connected", "page"]),
  page: z.number().int(),
  atMs: z.number().int(),
});

export const faxCallResultSchema = z.object({
  resultCode: z.number().int(),
  resultText: z.string(),
  receiverCode: z.number().int(),
  pagesSent: z.number().int(),
  pagesReceived: z.number().int(),
  pagesInFile: z.number().int(),
  bitRate: z.number().int(),
  ecmUsed: z.number().transform((v) => v !== 0),
  xDpi: z.number().int(),
  yDpi: z.number().int(),
  remoteIdent: z.string(),
  callMs: z.number().int(),
  timedOut: z.number().transform((v) => v !== 0),
  events: z.array(eventSchema),
});
export type NativeFaxCallResult = z.infer<typeof faxCallResultSchema>;

export type NativeFaxCall = (options: FaxCallOptions) => Promise<NativeFaxCallResult>;

type Addon = { runFaxCall(options: Record<string, unknown>): Promise<unknown> };

export function nativeAddonPath(): string {
  return process.env.FAXPORT_SPANDSP_ADDON ?? path.join(process.cwd(), "native", "build", "faxport_spandsp.node");
}

let cached: NativeFaxCall | null | undefined;

/**
 * Calls run on libuv's worker pool (4 threads by default), which file system work shares. A dense
 * audio-mode call can hold a thread for seconds, so at most this many run at once; the rest queue.
 */
const MAX_CONCURRENT_CALLS = Math.max(1, Number(process.env.UV_THREADPOOL_SIZE ?? 4) - 2);
let running = 0;
const waiting: Array<() => void> = [];

async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_CALLS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export function loadNativeFaxCall(): NativeFaxCall | null {
  if (cached !== undefined) return cached;
  const file = nativeAddonPath();
  cached = null;
  if (!existsSync(/*turbopackIgnore: true*/ file)) return cached;
  // A runtime require keeps bundlers from trying to follow the .node file (and the ignore comment keeps
  // Next's file tracing from copying the whole project into the build for it).
  const addon = createRequire(path.join(/*turbopackIgnore: true*/ process.cwd(), "package.json"))(file) as Addon;
  cached = async (options) => {
    const opts = faxCallOptionsSchema.parse(options);
    const raw = await withSlot(() =>
      addon.runFaxCall({
        ...opts,
        dropAfterPages: opts.dropAfterPages ?? -1,
        receiverFailAfterPages: opts.receiverFailAfterPages ?? -1,
      }),
    );
    return faxCallResultSchema.parse(raw);
  };
  return cached;
}
