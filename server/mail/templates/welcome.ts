import { type MailBrand, renderMail } from "./layout";

export function welcomeMail(
  brand: MailBrand,
  opts: { name: string; username: string; signInUrl: string; setPasswordUrl: string; days: number },
) {
  return {
    subject: `Welcome to ${brand.name} fax`,
    ...renderMail(brand, {
      heading: `Welcome, ${opts.name}`,
      paragraphs: [
        `An account was created for you on ${brand.name}'s fax portal, where you can send and receive faxes from the web.`,
        `Your username is ${opts.username}. Choose your password with the link below (it works once, for ${opts.days} days): you are signed in straight away. Later, sign in at ${opts.signInUrl}.`,
      ],
      action: { label: "Choose your password", url: opts.setPasswordUrl },
    }),
  };
}
