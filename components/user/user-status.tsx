import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { lockedOutUntil, type UserRow } from "./user-row";

export function UserStatus({
  user,
  timeZone,
}: {
  user: Pick<UserRow, "locked" | "lockedUntil"> & { hasPassword?: boolean };
  timeZone?: string;
}) {
  if (user.locked) return <Badge variant="danger">Locked</Badge>;
  // Created with a welcome link they have not opened yet: "Send welcome" sends a new one.
  if (user.hasPassword === false) return <Badge variant="warning">Invited</Badge>;
  const until = lockedOutUntil(user);
  if (until)
    return (
      <Badge variant="warning">
        Locked out until <DateTime value={until} timeZone={timeZone} className="ml-1" />
      </Badge>
    );
  return <Badge variant="success">Active</Badge>;
}
