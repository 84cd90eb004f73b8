/**
 * Audit entries as sentences people read ("Ana Lee forwarded fax number +1 212-555-0100 to email"),
 * with a link to the thing named where the viewer has a page for it, and the details as a short
 * list of labelled values. Pure: the list page resolves names (actor, user) before calling.
 */
import { formatPhone } from "@/lib/phone";
import { countryName } from "@/lib/schemas/country";

/** Plain text, or text that links to the page of the thing it names. */
export type Segment = string | { text: string; href: string };

export interface AuditRow {
  action: string;
  entityType: string;
  entityId: string | null;
  details: unknown;
  /** Who acted, as shown: "Ana Lee", "Platform admin", or null for the system. */
  actor: string | null;
  /** The organisation the entry belongs to (null: the platform's own). */
  tenantName: string | null;
  /** The user the entry is about, when the entry is about a user and they still exist. */
  subjectName?: string | null;
}

export interface Viewer {
  /** Platform admins have pages for organisations and SIP trunks; organisation admins do not. */
  platform: boolean;
}

export interface AuditDescription {
  sentence: Segment[];
  details: { label: string; value: string }[];
}

type Details = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const q = (path: string, search: string) => `${path}?search=${encodeURIComponent(search)}`;

function link(text: string, href: string | null): Segment {
  return href ? { text, href } : text;
}

/** "fax number +1 212-555-0100", linked to the fax numbers page filtered to it (unless deleted). */
function faxNumber(d: Details, linked = true): Segment[] {
  const n = str(d.number);
  if (!n) return ["a fax number"];
  return ["fax number ", link(formatPhone(n), linked ? q("/admin/dids", n) : null)];
}

function userRef(row: AuditRow, d: Details, linked = true): Segment[] {
  const name = str(d.username) ?? row.subjectName ?? null;
  if (!name) return ["a user"];
  return ["user ", link(name, linked ? q("/admin/users", name) : null)];
}

function organisation(row: AuditRow, d: Details, viewer: Viewer, linked = true): Segment[] {
  const name = str(d.name) ?? row.tenantName;
  if (!name) return ["an organisation"];
  return ["organisation ", link(name, linked && viewer.platform ? q("/admin/tenants", name) : null)];
}

function trunk(d: Details, linked = true): Segment[] {
  const name = str(d.name);
  if (!name) return ["a SIP trunk"];
  return ["SIP trunk ", link(name, linked ? q("/admin/trunks", name) : null)];
}

/** The sentence after the actor's name, or a whole sentence when the system acted on its own. */
function predicate(row: AuditRow, d: Details, viewer: Viewer): { text: Segment[]; whole?: boolean } {
  switch (row.action) {
    case "tenant.create":
      return { text: ["created ", ...organisation(row, d, viewer)] };
    case "tenant.update": {
      const costly = typeof d.allowCostlyNumbers === "boolean" ? d.allowCostlyNumbers : null;
      const also = costly === null ? "" : costly ? " and allowed it costly numbers" : " and refused it costly numbers";
      return { text: ["updated ", ...organisation(row, d, viewer), also] };
    }
    case "tenant.delete":
      return { text: ["deleted ", ...organisation(row, d, viewer, false)] };
    case "tenant.retention": {
      const days = num(d.retentionDays);
      return { text: [days === null ? "set retention to the maximum allowed" : `set retention to ${days} days`] };
    }
    case "tenant.time-zone":
      return { text: [`set the time zone to ${str(d.timeZone) ?? "UTC"}`] };
    case "tenant.country": {
      const code = str(d.country);
      return { text: [code ? `set the country for fax numbers to ${countryName(code)} (${code})` : "set the country"] };
    }
    case "tenant.cover-notice":
      return { text: [d.default ? "set the cover page notice back to the default" : "changed the cover page notice"] };
    case "branding.update":
      return { text: ["updated the ", link("branding", "/admin/branding"), ...ofTenant(row, viewer)] };
    case "branding.logo-upload":
      return { text: ["uploaded a new ", link("logo", "/admin/branding"), ...ofTenant(row, viewer)] };
    case "branding.logo-remove":
      return { text: ["removed the ", link("logo", "/admin/branding"), ...ofTenant(row, viewer)] };
    case "branding.domain-verify":
      return { text: [`verified domain ${str(d.hostname) ?? ""}`.trimEnd(), ...ofTenant(row, viewer)] };
    case "branding.domain-approve":
      return { text: [`approved domain ${str(d.hostname) ?? ""}`.trimEnd(), ...ofTenant(row, viewer)] };
    case "user.create":
      return { text: ["created ", ...userRef(row, d)] };
    case "user.update":
      return { text: ["updated ", ...userRef(row, d)] };
    case "user.delete":
      return { text: ["deleted ", ...userRef(row, d, false)] };
    case "user.lock":
      return { text: ["locked ", ...userRef(row, d)] };
    case "user.unlock":
      return { text: ["unlocked ", ...userRef(row, d)] };
    case "user.lockout": {
      const minutes = num(d.minutes);
      return {
        whole: true,
        text: [
          "Sign-in for ",
          ...userRef(row, d),
          ` was paused${minutes ? ` for ${minutes} minutes` : ""} after repeated wrong passwords`,
        ],
      };
    }
    case "user.password-set":
      return {
        text: [
          "set a new password for ",
          ...userRef(row, d),
          d.mustChangePassword === true ? ", to be changed at next sign-in" : "",
        ],
      };
    case "user.password-change":
      return { text: ["changed their own password"] };
    case "user.password-reset":
      return { whole: true, text: [...capitalise(userRef(row, d)), " reset their password with an emailed link"] };
    case "user.require-password-change":
      return { text: ["asked ", ...userRef(row, d), " to choose a new password at next sign-in"] };
    case "user.require-password-change-all": {
      const n = num(d.users);
      return {
        text: [`asked ${n === null ? "every user" : `all ${n} users`} to choose a new password at next sign-in`],
      };
    }
    case "user.welcome":
      return { text: ["sent a welcome email to ", ...userRef(row, d)] };
    case "trunk.create":
      return { text: ["added ", ...trunk(d)] };
    case "trunk.update":
      return { text: ["updated ", ...trunk(d)] };
    case "trunk.delete":
      return { text: ["deleted ", ...trunk(d, false)] };
    case "did.create":
      return { text: ["added ", ...faxNumber(d)] };
    case "did.delete":
      return { text: ["deleted ", ...faxNumber(d, false)] };
    case "did.update":
      return { text: ["updated ", ...faxNumber(d), ...movedTo(d)] };
    case "did.assign": {
      const to = str(d.username);
      return to
        ? { text: ["assigned ", ...faxNumber(d), " to ", link(to, q("/admin/users", to))] }
        : d.tenantId === null
          ? { text: ["returned ", ...faxNumber(d), " to the provider's pool"] }
          : { text: ["unassigned ", ...faxNumber(d)] };
    }
    case "did.forward":
      return d.forward === "EMAIL"
        ? { text: ["forwarded ", ...faxNumber(d), " to email"] }
        : { text: ["turned off forwarding for ", ...faxNumber(d)] };
    case "did.bulkCreate": {
      const added = num(d.added) ?? 0;
      const skipped = num(d.skipped) ?? 0;
      const title = str(d.title);
      return {
        text: [
          `added ${added} fax ${added === 1 ? "number" : "numbers"}`,
          title && added ? " titled " : "",
          title && added ? link(title, q("/admin/dids", title)) : "",
          skipped ? ` (${skipped} skipped)` : "",
        ],
      };
    }
    case "user.keys-created":
      return { text: ["made their encryption keys"] };
    case "user.access-granted":
      return { text: ["gave ", ...userRef(row, d), " access to the organisation's documents"] };
    case "tenant.keys-created":
      return { text: ["made the organisation's encryption key and its recovery code"] };
    case "tenant.keys-recovered":
      return { text: ["restored their access with the organisation's recovery code"] };
    case "tenant.recovery-code-replaced":
      return { text: ["made a new recovery code for the organisation (the old one no longer works)"] };
    case "tenant.recovery-code-confirmed":
      return { text: ["confirmed they saved the organisation's recovery code"] };
    case "job.retry":
      return { text: [d.restarted === false ? "woke a job waiting to retry" : "restarted a failed job", ...jobRef(d)] };
    case "job.cancel":
      return { text: ["cancelled a job", ...jobRef(d)] };
    case "fax.send":
    case "fax.resend": {
      const count = Array.isArray(d.destinations) ? d.destinations.length : 1;
      const verb = row.action === "fax.resend" ? "resent a fax" : "sent a fax";
      return { text: [count > 1 ? `${verb} to ${count} numbers` : verb] };
    }
    case "document.create":
      return { text: [`uploaded a ${str(d.kind)?.toUpperCase() ?? ""} document`.replace("a  ", "a ")] };
    case "document.rename":
      return { text: ["renamed a document"] };
    case "document.delete": {
      const kept = num(d.faxesKeepingTheirRecord) ?? 0;
      return {
        text: [
          "deleted a document",
          kept ? ` (${kept} sent ${kept === 1 ? "fax keeps its" : "faxes keep their"} record, without its pages)` : "",
        ],
      };
    }
    case "fax.cancel":
      return { text: [d.result === "requested" ? "asked to cancel a fax during its call" : "cancelled a fax"] };
    case "platform.seed":
      return { whole: true, text: ["The demo organisations, people and fax numbers were set up"] };
    case "security-policy.update":
      return { text: ["changed the ", link("security policy", "/admin/security"), ...ofTenant(row, viewer)] };
    default:
      // A code this list does not know yet still reads as words, never as a bare code.
      return { text: [`made a change: ${words(row.action)} (${words(row.entityType)})`] };
  }
}

/** " (send-fax)": the job's function, linked to the Jobs page. */
function jobRef(d: Details): Segment[] {
  const fn = str(d.function);
  return fn ? [" (", link(fn, "/admin/jobs"), ")"] : [];
}

/** " of Acme Health" where a platform admin reads an organisation's entry. */
function ofTenant(row: AuditRow, viewer: Viewer): Segment[] {
  return viewer.platform && row.tenantName ? [" of ", row.tenantName] : [];
}

function movedTo(d: Details): Segment[] {
  if (!("previousTenantId" in d) || d.previousTenantId === d.tenantId) return [];
  return d.tenantId === null ? [" and returned it to the provider's pool"] : [" and gave it to an organisation"];
}

function capitalise(segments: Segment[]): Segment[] {
  const [first, ...rest] = segments;
  if (typeof first !== "string") return segments;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest];
}

/** "security-policy.update" → "security policy update"; "TenantDomain" → "tenant domain". */
export function words(code: string): string {
  return code
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[._-]+/g, " ")
    .trim()
    .toLowerCase();
}

export function describeAudit(row: AuditRow, viewer: Viewer): AuditDescription {
  const d: Details =
    row.details && typeof row.details === "object" && !Array.isArray(row.details) ? (row.details as Details) : {};
  const p = predicate(row, d, viewer);
  const actor = row.actor ?? "The system";
  const sentence = p.whole ? p.text : [`${actor} `, ...p.text];
  return { sentence: merge(sentence), details: describeDetails(d) };
}

/** Adjacent plain strings joined, so the sentence reads (and tests compare) as one text. */
function merge(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out.at(-1);
    if (typeof s === "string" && typeof last === "string") out[out.length - 1] = last + s;
    else if (s !== "") out.push(s);
  }
  return out;
}

/** The sentence as plain text (for titles, search and tests). */
export function sentenceText(sentence: Segment[]): string {
  return sentence.map((s) => (typeof s === "string" ? s : s.text)).join("");
}

const LABELS: Record<string, string> = {
  domainTitle: "Browser title",
  footerText: "Footer",
  forwardEmail: "Forward to",
  mustChangePassword: "Must change password",
  ipAuth: "Authentication by IP address",
  sipUsername: "SIP username",
  maxChannels: "Channels",
  maxCallsPerMinute: "Calls per minute",
  previousMimeType: "Previous logo type",
  mimeType: "Logo type",
  bytes: "Logo size",
  releasedDids: "Fax numbers released",
  retentionDays: "Retention (days)",
  userCleared: "User removed from the number",
  wasLockedOut: "Was locked out",
  verifiedBy: "Verified by",
  to: "Sent to",
  users: "Users",
  added: "Added",
  skipped: "Skipped",
  numbers: "Numbers",
  number: "Fax number",
  forward: "Forwarding",
  timeZone: "Time zone",
  country: "Country",
  previous: "Before",
  tenants: "Organisations",
  trunk: "SIP trunk",
  changes: "Changes",
};

/** Keys whose values are ids: nobody reads them, the sentence names the thing instead. */
const isIdKey = (key: string) => key === "id" || /Id$/.test(key);

export function label(key: string): string {
  const known = LABELS[key];
  if (known) return known;
  const w = words(key);
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** Details as labelled values: nested objects flattened ("Before: name"), from → to pairs as arrows. */
export function describeDetails(details: Details, prefix = "", pairs = false): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  for (const [key, raw] of Object.entries(details)) {
    if (isIdKey(key)) continue;
    const name = prefix ? `${prefix} ${label(key).toLowerCase()}` : label(key);
    if (isChange(raw, pairs)) {
      out.push({ label: name, value: `${value(key, changeFrom(raw))} → ${value(key, changeTo(raw))}` });
    } else if (raw && typeof raw === "object" && !Array.isArray(raw)) {
      // "changes" holds one change per setting: label them by the setting, not "Changes …".
      out.push(...describeDetails(raw as Details, key === "changes" ? "" : label(key), key === "changes"));
    } else {
      out.push({ label: name, value: value(key, raw) });
    }
  }
  return out;
}

/** `{ from, to }`, or under "changes" (the security policy's diff) a `[before, after]` pair. */
function isChange(v: unknown, pairs: boolean): v is { from: unknown; to: unknown } | [unknown, unknown] {
  if (Array.isArray(v)) return pairs && v.length === 2 && v.every((x) => x === null || typeof x !== "object");
  return !!v && typeof v === "object" && "from" in v && "to" in v && Object.keys(v).length === 2;
}
const changeFrom = (v: { from: unknown } | [unknown, unknown]) => (Array.isArray(v) ? v[0] : v.from);
const changeTo = (v: { to: unknown } | [unknown, unknown]) => (Array.isArray(v) ? v[1] : v.to);

const LIST_LIMIT = 10;

function value(key: string, v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "boolean") return v ? "Yes" : "No";
  if (key === "bytes" && typeof v === "number") return `${Math.round(v / 1024)} KB`;
  if (key === "forward") return v === "EMAIL" ? "Fax to Email" : v === "NONE" ? "None" : String(v);
  if (key === "role" || key === "verifiedBy") return words(String(v));
  if (Array.isArray(v)) {
    const shown = v.slice(0, LIST_LIMIT).map((x) => value(key === "numbers" ? "number" : key, x));
    const more = v.length > LIST_LIMIT ? ` and ${v.length - LIST_LIMIT} more` : "";
    return v.length ? shown.join(", ") + more : "—";
  }
  if (typeof v === "object") return JSON.stringify(v);
  if (key === "number" && typeof v === "string") return formatPhone(v);
  return String(v);
}

/**
 * The address an entry came from, as people read it: the server itself for loopback addresses
 * (someone on the server, or the server acting), IPv4 without its IPv6 wrapping, private ranges named.
 */
export function describeAddress(ip: string | null): string {
  if (!ip) return "—";
  const v4 = ip.replace(/^::ffff:/i, "");
  if (v4 === "::1" || /^127\./.test(v4)) return "this server (local)";
  if (/^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(v4) || /^f[cd][0-9a-f]{2}:/i.test(v4)) {
    return `${v4} (private network)`;
  }
  return v4;
}
