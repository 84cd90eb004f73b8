/** The cookie that remembers, per browser, that the first-run checklist was hidden. */
export const SETUP_HIDDEN_COOKIE = "faxport-setup-hidden";
