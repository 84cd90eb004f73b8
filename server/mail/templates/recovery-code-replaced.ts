import { type MailBrand, renderMail } from "./layout";

/** To every other organisation admin: the organisation's recovery code was replaced. */
export function recoveryCodeReplacedMail(brand: MailBrand, opts: { by: string; signInUrl: string }) {
  return {
    subject: `A new recovery code was made on ${brand.name} fax`,
    ...renderMail(brand, {
      heading: "New recovery code",
      paragraphs: [
        `${opts.by} made a new recovery code for your organisation. The earlier code no longer restores access; throw away any printed or saved copy of it.`,
        "If you did not expect this, sign in and check with your organisation admins.",
      ],
      action: { label: "Open the portal", url: opts.signInUrl },
    }),
  };
}
