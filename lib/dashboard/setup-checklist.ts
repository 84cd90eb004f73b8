/**
 * The first-run checklist an organisation admin sees on the dashboard: what is set up, read from
 * real data, and where each missing piece is done. Fax numbers are listed but are not the admin's
 * to do — the provider assigns them — so they never keep the checklist open. Link labels avoid the
 * navigation's own words ("Users", "Branding"), so a link found by that name is the navigation's.
 */

/** What the dashboard reads about the organisation (server/dashboard/get-dashboard.ts). */
export interface SetupFacts {
  /** A logo is uploaded (the name is set when the organisation is created). */
  hasLogo: boolean;
  /** The admin picked a retention (unset means the provider's maximum applies). */
  retentionChosen: boolean;
  /** People in the organisation besides the admins' own account. */
  otherPeople: number;
  /** Fax numbers the provider gave the organisation. */
  faxNumbers: number;
}

export type SetupStepKey = "brand" | "retention" | "people" | "numbers";

export interface SetupStep {
  key: SetupStepKey;
  title: string;
  detail: string;
  done: boolean;
  /** False for what the provider does (fax numbers): shown, never awaited. */
  actionable: boolean;
  /** Where it is done (or, once done, where to look); absent when there is nothing to do here. */
  link?: { href: string; label: string };
}

export interface SetupChecklist {
  steps: SetupStep[];
  /** Actionable steps not done yet. */
  remaining: number;
  /** Every actionable step is done: the checklist goes away. */
  complete: boolean;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function setupChecklist(facts: SetupFacts): SetupChecklist {
  const steps: SetupStep[] = [
    {
      key: "brand",
      title: "Add your logo and check your organisation's name",
      detail: facts.hasLogo
        ? "Your logo is on the sign-in page and every screen."
        : "People see your name, logo and footer on the sign-in page and every screen.",
      done: facts.hasLogo,
      actionable: true,
      link: { href: "/admin/settings/branding", label: facts.hasLogo ? "Review your brand" : "Set up your brand" },
    },
    {
      key: "retention",
      title: "Choose how long faxes are kept",
      detail: facts.retentionChosen
        ? "Retention is set."
        : "Until you choose, faxes are kept for the longest time your provider allows.",
      done: facts.retentionChosen,
      actionable: true,
      link: {
        href: "/admin/settings/retention",
        label: facts.retentionChosen ? "Review how long" : "Choose how long",
      },
    },
    {
      key: "people",
      title: "Add the people who send and receive faxes",
      detail:
        facts.otherPeople > 0
          ? `${plural(facts.otherPeople, "other person has", "other people have")} an account.`
          : "Only you have an account so far.",
      done: facts.otherPeople > 0,
      actionable: true,
      link: { href: "/admin/users", label: facts.otherPeople > 0 ? "See people" : "Add people" },
    },
    facts.faxNumbers > 0
      ? {
          key: "numbers",
          title: "Fax numbers",
          detail: `Your provider assigned ${plural(facts.faxNumbers, "fax number", "fax numbers")}. Give each to the person it should reach.`,
          done: true,
          actionable: false,
          link: { href: "/admin/dids", label: "See your numbers" },
        }
      : {
          key: "numbers",
          title: "Fax numbers",
          detail: "No fax numbers yet: your provider assigns them. They appear here when they do.",
          done: false,
          actionable: false,
        },
  ];
  const remaining = steps.filter((s) => s.actionable && !s.done).length;
  return { steps, remaining, complete: remaining === 0 };
}
