import { Badge } from "@/components/ui/badge";
import { lockedOutUntil, type UserRow } from "./user-row";

export function UserStatus({ user }: { user: Pick<UserRow, "locked" | "lockedUntil"> }) {
  if (user.locked) return <Badge variant="danger">Locked</Badge>;
  const until = lockedOutUntil(user);
  if (until) return <Badge variant="warning">Locked out until {until.toLocaleString()}</Badge>;
  return <Badge variant="success">Active</Badge>;
}
