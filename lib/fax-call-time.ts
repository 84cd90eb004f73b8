/**
 * How long a fax call takes at V.17 (14,400 bit/s with ECM) for simple text pages, from measured
 * spandsp calls: the Send fax page's estimate and the loopback gateway's timing model use these same
 * figures, so the estimate a person sees is the time the demo line takes.
 */
/** Dialling to answer: a fax machine answers after one to three rings of six seconds; two is typical. */
export const RINGING_MS = 11_000;
export const CONNECTED_MS = 4_900; // CNG/CED, DIS/DCS and training
export const FIRST_PAGE_EXTRA_MS = 5_000; // TCF and image training before page 1
export const PAGE_MS = { STANDARD: 3_000, FINE: 4_000, SUPERFINE: 6_000 } as const;
export const HANGUP_MS = 3_000; // EOP, MCF, DCN

export type FaxQualityName = keyof typeof PAGE_MS;

/**
 * Line time from dialling to hang-up for `pages` pages, ringing included (what a person waits for;
 * dense pages and slower lines take longer).
 */
export function estimateFaxCallMs(pages: number, quality: FaxQualityName): number {
  if (pages <= 0) return 0;
  return RINGING_MS + CONNECTED_MS + FIRST_PAGE_EXTRA_MS + pages * PAGE_MS[quality] + HANGUP_MS;
}

export function formatCallTime(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `about ${seconds} seconds`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return `about ${minutes} min${rest ? ` ${rest} s` : ""}`;
}
