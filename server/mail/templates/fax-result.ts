import { type MailBrand, renderMail } from "./layout";

/**
 * A finished fax's result for its sender. Only what the server holds in plain (number, result,
 * pages, times): never the pages or the transmission report, which only the sender and their
 * organisation can decrypt — the link leads to the fax's page, where the report is downloaded.
 */
export function faxResultMail(
  brand: MailBrand,
  opts: {
    delivered: boolean;
    to: string;
    result: string;
    explanation: string;
    pages: string;
    attempts: string;
    finishedAt: string;
    faxUrl: string;
  },
) {
  return {
    subject: opts.delivered ? `Fax to ${opts.to} delivered` : `Fax to ${opts.to} failed: ${opts.result}`,
    ...renderMail(brand, {
      heading: opts.delivered ? `Your fax to ${opts.to} was delivered` : `Your fax to ${opts.to} was not delivered`,
      paragraphs: [
        `Result: ${opts.result}. ${opts.explanation}`,
        `Pages sent: ${opts.pages}. Attempts: ${opts.attempts}. Finished ${opts.finishedAt}.`,
        "For your records, open the fax to download its transmission report with the first page. This email cannot carry it: your faxes are encrypted so that only you and your organisation can read them.",
      ],
      action: { label: "Open the fax", url: opts.faxUrl },
    }),
  };
}
