/**
 * axe-core as every browser check runs it: the rules tagged WCAG 2.0/2.1/2.2 level A or AA —
 * including the ones axe still calls experimental (label-content-name-mismatch, WCAG 2.5.3 Label in
 * Name, among them), which the WCAG tags alone would leave out. Asking for "experimental" also runs
 * experimental best-practice rules, so findings are kept only when their rule carries a WCAG tag.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** axe's WCAG A/AA violations on the page as it is now (experimental rules included). */
export async function wcagResults(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags([...WCAG_TAGS, "experimental"])
    // Every violation is still reported in full; only passes and the rest are cut to one node each,
    // which axe otherwise collects and serialises for every element of the page.
    .options({ resultTypes: ["violations"] })
    // Runs axe.run in the page itself. The default mode runs it frame by frame and then opens a blank
    // page to merge the results, a new browser process for every scan: three times the CPU (bench:
    // 0.79 s → 0.26 s per scan), for cross-origin frames, which the portal does not have.
    .setLegacyMode(true)
    .analyze();
  return result.violations.filter((v) => v.tags.some((tag) => WCAG_TAGS.includes(tag)));
}

/** The same, one readable line per element, prefixed with where it was found. */
export async function wcagViolations(page: Page, where: string): Promise<string[]> {
  return (await wcagResults(page)).flatMap((v) =>
    v.nodes.map((n) => `${where}: ${v.id} (${v.impact}) ${v.help} — ${n.target.join(" ")}\n    ${n.failureSummary}`),
  );
}
