import { type MailBrand, renderMail } from "./layout";

/** To every other organisation admin: someone has new keys and waits for a Grant. */
export function waitingForAccessMail(brand: MailBrand, opts: { person: string; why: string; usersUrl: string }) {
  return {
    subject: `${opts.person} is waiting for access on ${brand.name} fax`,
    ...renderMail(brand, {
      heading: "Someone is waiting for access",
      paragraphs: [
        `${opts.person} ${opts.why}, so their earlier documents and transmission reports stay closed to them until an organisation admin grants access.`,
        "Call them and have them read you the safety code on their screen, then open the Users page, type the code and choose Grant. If you did not expect this, lock the account on the Users page instead.",
      ],
      action: { label: "Open the Users page", url: opts.usersUrl },
    }),
  };
}
