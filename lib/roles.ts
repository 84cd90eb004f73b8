/** Roles, permissions and the navigation each may see — shared by the app shell and the server. */
export const ROLES = ["PLATFORM_ADMIN", "TENANT_ADMIN", "USER"] as const;
export type RoleName = (typeof ROLES)[number];

export const ROLE_LABELS: Record<RoleName, string> = {
  PLATFORM_ADMIN: "Platform admin",
  TENANT_ADMIN: "Tenant admin",
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
  children?: NavItem[];
}

const ALL = ROLES;
const TENANT_PEOPLE = ["TENANT_ADMIN", "USER"] as const;
const ADMINS = ["PLATFORM_ADMIN", "TENANT_ADMIN"] as const;

export const NAVIGATION: NavItem[] = [
  { label: "Dashboard", href: "/dashboard", roles: ALL },
  { label: "Send Fax", href: "/send", roles: TENANT_PEOPLE },
  { label: "Campaigns", href: "/campaigns", roles: TENANT_PEOPLE },
  {
    label: "Contacts",
    href: "/contacts",
    roles: TENANT_PEOPLE,
    children: [
      { label: "Contacts", href: "/contacts", roles: TENANT_PEOPLE },
      { label: "Groups", href: "/contacts/groups", roles: TENANT_PEOPLE },
    ],
  },
  { label: "Documents", href: "/documents", roles: TENANT_PEOPLE },
  { label: "My DIDs", href: "/my-dids", roles: TENANT_PEOPLE },
  { label: "Received Faxes", href: "/received", roles: ALL },
  { label: "Reports", href: "/reports", roles: ALL },
  {
    label: "Administration",
    href: "/admin",
    roles: ADMINS,
    children: [
      { label: "Tenants", href: "/admin/tenants", roles: ["PLATFORM_ADMIN"] },
      { label: "Users", href: "/admin/users", roles: ADMINS },
      { label: "Provider / Trunks", href: "/admin/trunks", roles: ["PLATFORM_ADMIN"] },
      { label: "DID Numbers", href: "/admin/dids", roles: ADMINS },
      { label: "Branding", href: "/admin/branding", roles: ADMINS },
      { label: "Security Policy", href: "/admin/security", roles: ADMINS },
      { label: "Audit Log", href: "/admin/audit", roles: ADMINS },
      { label: "Mail Outbox", href: "/admin/outbox", roles: ["PLATFORM_ADMIN"] },
      { label: "Jobs", href: "/admin/jobs", roles: ["PLATFORM_ADMIN"] },
    ],
  },
];

export function navigationFor(role: RoleName): NavItem[] {
  return NAVIGATION.filter((item) => item.roles.includes(role)).map((item) => ({
    ...item,
    children: item.children?.filter((c) => c.roles.includes(role)),
  }));
}
