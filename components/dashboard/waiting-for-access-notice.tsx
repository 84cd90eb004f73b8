import Link from "next/link";
import { Alert } from "@/components/ui/alert";

/** For organisation admins: who waits for a Grant, so nobody has to find them on the Users page by chance. */
export function WaitingForAccessNotice({ people }: { people: { id: string; name: string }[] }) {
  if (!people.length) return null;
  return (
    <Alert className="mb-4" data-testid="waiting-notice">
      <h2 className="font-medium">
        {people.length === 1 ? "1 person is" : `${people.length} people are`} waiting for access
      </h2>
      <p className="text-sm">
        {people.map((p) => p.name).join(", ")} cannot open their earlier documents until an organisation admin grants
        access. Call them, compare their safety code, then grant.
      </p>
      <Link href="/admin/users" className="mt-1 inline-block text-sm font-medium text-primary hover:underline">
        Review them and grant access
      </Link>
    </Alert>
  );
}
