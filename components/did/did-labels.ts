/** How fax numbers (DIDs) read on screen; shared by the Fax numbers pages. */
import { formatPhone } from "@/lib/phone";

export interface DidPerson {
  username: string;
  firstName: string;
  lastName: string;
}

export function personName(p: DidPerson): string {
  const full = `${p.firstName} ${p.lastName}`.trim();
  return full ? `${full} (${p.username})` : p.username;
}

/** "Unassigned" or "Assigned to <user>", the status a tenant admin reads. */
export function didUserStatus(user: DidPerson | null): string {
  return user ? `Assigned to ${personName(user)}` : "Unassigned";
}

export function forwardLabel(d: { forward: "NONE" | "EMAIL"; forwardEmail: string | null }): string {
  return d.forward === "EMAIL" && d.forwardEmail ? `Fax to Email: ${d.forwardEmail}` : "No forwarding";
}

export { formatPhone };
