/** Where a pending domain's proof is looked for — shown in the UI and checked by the server. */
export const DOMAIN_TOKEN_PATH = "/.well-known/faxport-domain-verification";
export const DNS_TXT_PREFIX = "_faxport.";
export const TXT_VALUE_PREFIX = "faxport-domain-verification=";
