/**
 * Stand-in for the spandsp addon when it is not built: the same result shape with call times taken
 * from measured spandsp calls (V.17 14,400 bit/s, ECM, simple text pages). It proves nothing about
 * the document beyond its TIFF structure, which is why the gateway says when it is in use.
 */

import { CONNECTED_MS, FIRST_PAGE_EXTRA_MS, HANGUP_MS, PAGE_MS } from "@/lib/fax-call-time";
import { FAX_PAGE_WIDTH } from "../preflight-document";
import type { FaxCallOptions, NativeFaxCallResult } from "../spandsp/native-fax-call";
import type { TiffPageInfo } from "../tiff-info";
import { resolutionFromYDpi } from "../types";

const T0_MS = 60_000; // spandsp's wait for a far fax answer
const NO_RESPONSE_MS = 25_000; // three unanswered post-page commands

const texts: Record<number, string> = {
  0: "OK",
  2: "Timed out waiting for initial communication",
  12: "Far end cannot receive at the size of image",
  21: "No response after sending a page",
  41: "TIFF/F file cannot be opened",
  49: "The call dropped prematurely",
};

export function modelFaxCall(options: FaxCallOptions, pages: TiffPageInfo[]): NativeFaxCallResult {
  const yDpi = pages[0]?.yDpi ?? 0;
  const result = (code: number, callMs: number, pagesSent: number, events: NativeFaxCallResult["events"]) => ({
    resultCode: code,
    resultText: texts[code] ?? "Unknown",
    receiverCode: code,
    pagesSent,
    pagesReceived: pagesSent,
    pagesInFile: pages.length,
    bitRate: 14_400,
    ecmUsed: options.ecm ?? true,
    xDpi: 204,
    yDpi,
    remoteIdent: options.silentFarEnd ? "" : (options.rxIdent ?? ""),
    callMs,
    timedOut: false,
    events,
  });
  if (options.silentFarEnd) return result(2, T0_MS, 0, []);
  if (!pages.length) return result(41, 7_000, 0, []);
  const connected = { kind: "connected" as const, page: 0, atMs: CONNECTED_MS };
  if (pages.some((p) => p.width !== FAX_PAGE_WIDTH)) return result(12, CONNECTED_MS + 2_000, 0, [connected]);
  const perPage = PAGE_MS[resolutionFromYDpi(yDpi) ?? "FINE"];
  const events: NativeFaxCallResult["events"] = [connected];
  const pageDone = (n: number) => CONNECTED_MS + FIRST_PAGE_EXTRA_MS + n * perPage;
  const stopAfter = options.dropAfterPages ?? options.receiverFailAfterPages;
  const deliverable = stopAfter === undefined ? pages.length : Math.min(stopAfter, pages.length);
  for (let n = 1; n <= deliverable; n++) events.push({ kind: "page", page: n, atMs: pageDone(n) });
  if (deliverable === pages.length) return result(0, pageDone(pages.length) + HANGUP_MS, pages.length, events);
  const midPage = pageDone(deliverable) + Math.round(perPage / 2);
  if (options.dropAfterPages !== undefined) return result(49, midPage, deliverable, events);
  return result(21, midPage + NO_RESPONSE_MS, deliverable, events);
}
