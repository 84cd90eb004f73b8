import { type MailBrand, renderMail } from "./layout";

export function passwordResetMail(brand: MailBrand, opts: { username: string; url: string; minutes: number }) {
  return {
    subject: `${brand.name}: reset your password`,
    ...renderMail(brand, {
      heading: "Reset your password",
      paragraphs: [
        `Someone asked to reset the password of ${opts.username}. If it was you, choose a new password with the link below.`,
        `The link works once and expires in ${opts.minutes} minutes. If you did not ask for this, ignore this email.`,
      ],
      action: { label: "Choose a new password", url: opts.url },
    }),
  };
}
