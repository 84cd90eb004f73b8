import { type MailBrand, renderMail } from "./layout";

/** To every organisation admin: someone became an organisation admin. */
export function adminAddedMail(brand: MailBrand, opts: { person: string; addedBy: string; signInUrl: string }) {
  return {
    subject: `${opts.person} is now an organisation admin on ${brand.name} fax`,
    ...renderMail(brand, {
      heading: "New organisation admin",
      paragraphs: [
        `${opts.addedBy} made ${opts.person} an organisation admin. Once an admin grants them access, they can open every document and transmission report of the organisation.`,
        "If you did not expect this, sign in, lock the account on the Users page and check with your organisation admins.",
      ],
      action: { label: "Open the portal", url: opts.signInUrl },
    }),
  };
}
