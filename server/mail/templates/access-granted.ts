import { type MailBrand, renderMail } from "./layout";

/** To every organisation admin: someone's new key was given the organisation's documents. */
export function accessGrantedMail(
  brand: MailBrand,
  opts: { person: string; grantedBy: string; asAdmin: boolean; signInUrl: string },
) {
  return {
    subject: `${opts.person} was granted access on ${brand.name} fax`,
    ...renderMail(brand, {
      heading: "Access granted",
      paragraphs: [
        `${opts.grantedBy} granted ${opts.person} access to their documents and transmission reports again, sealed to their new key${opts.asAdmin ? ", together with the organisation key (they are an organisation admin)" : ""}.`,
        "If you did not expect this, sign in, lock the account on the Users page and check with your organisation admins. A Grant should follow a phone call in which both compared the person's safety code.",
      ],
      action: { label: "Open the portal", url: opts.signInUrl },
    }),
  };
}
