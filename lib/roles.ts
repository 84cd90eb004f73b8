/** Roles, permissions and the navigation each may see — shared by the app shell and the server. */
export const ROLES = ["PLATFORM_ADMIN", "TENANT_ADMIN", "USER"] as const;
export type RoleName = (typeof ROLES)[number];

export const ROLE_LABELS: Record<RoleName, string> = {
  PLATFORM_ADMIN: "Platform admin",
  TENANT_ADMIN: "Organisation admin",
  USER: "User",
};

/** Finer rights a tenant admin can grant to users. */
export const PERMISSIONS = ["campaigns", "reports", "read-only"] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * The source portal lets an admin tick both "user" and "tenant" for one account; such an account
 * is saved as a tenant admin.
 */
export function roleFromChoices(choices: { user?: boolean; tenant?: boolean; admin?: boolean }): RoleName {
  if (choices.admin) return "PLATFORM_ADMIN";
  if (choices.tenant) return "TENANT_ADMIN";
  return "USER";
}

export interface NavItem {
  label: string;
  href: string;
  roles: readonly RoleName[];
  /** A section a later release builds: marked "Soon" in the navigation; its page says it is coming. */
  soon?: true;
  children?: NavItem[];
}

const ALL = ROLES;
const TENANT_PEOPLE = ["TENANT_ADMIN", "USER"] as const;
const ADMINS = ["PLATFORM_ADMIN", "TENANT_ADMIN"] as const;

export const NAVIGATION: NavItem[] = [
  { label: "Dashboard", href: "/dashboard", roles: ALL },
  // Organisation admins find their own numbers on Administration → Fax numbers (Mine).
  { label: "My fax numbers", href: "/my-dids", roles: ["USER"] },
  { label: "Send fax", href: "/send", roles: TENANT_PEOPLE },
  { label: "Received faxes", href: "/received", roles: ALL, soon: true },
  { label: "Documents", href: "/documents", roles: TENANT_PEOPLE },
  {
    label: "Contacts",
    href: "/contacts",
    roles: TENANT_PEOPLE,
    children: [
      { label: "Contacts", href: "/contacts", roles: TENANT_PEOPLE, soon: true },
      { label: "Groups", href: "/contacts/groups", roles: TENANT_PEOPLE, soon: true },
    ],
  },
  { label: "Campaigns", href: "/campaigns", roles: TENANT_PEOPLE, soon: true },
  { label: "Reports", href: "/reports", roles: ALL, soon: true },
  {
    label: "Administration",
    href: "/admin",
    roles: ADMINS,
    children: [
      { label: "Organisations", href: "/admin/tenants", roles: ["PLATFORM_ADMIN"] },
      { label: "Users", href: "/admin/users", roles: ADMINS },
      { label: "SIP trunks", href: "/admin/trunks", roles: ["PLATFORM_ADMIN"] },
      { label: "Fax numbers", href: "/admin/dids", roles: ADMINS },
      // Organisations see their own on Send fax; platform admins every organisation's, metadata only.
      { label: "Sent faxes", href: "/admin/faxes", roles: ["PLATFORM_ADMIN"] },
      { label: "Audit log", href: "/admin/audit", roles: ADMINS },
      { label: "Mail outbox", href: "/admin/outbox", roles: ["PLATFORM_ADMIN"] },
      { label: "Jobs", href: "/admin/jobs", roles: ["PLATFORM_ADMIN"] },
    ],
  },
  {
    label: "Settings",
    href: "/admin/settings",
    roles: ADMINS,
    // The settings area's own sub-navigation (components/settings/settings-nav.tsx) shows the same pages.
    children: [
      { label: "Branding", href: "/admin/settings/branding", roles: ADMINS },
      { label: "Retention", href: "/admin/settings/retention", roles: ["TENANT_ADMIN"] },
      { label: "Time zone", href: "/admin/settings/time-zone", roles: ["TENANT_ADMIN"] },
      { label: "Country", href: "/admin/settings/country", roles: ["TENANT_ADMIN"] },
      { label: "Security policy", href: "/admin/settings/security", roles: ADMINS },
    ],
  },
];

/** The settings pages a role has, in order (the settings area's sub-navigation). */
export function settingsFor(role: RoleName): NavItem[] {
  return (NAVIGATION.find((i) => i.href === "/admin/settings")?.children ?? []).filter((c) => c.roles.includes(role));
}

export function navigationFor(role: RoleName): NavItem[] {
  return NAVIGATION.filter((item) => item.roles.includes(role)).map((item) => ({
    ...item,
    children: item.children?.filter((c) => c.roles.includes(role)),
  }));
}
