import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";

/** For an organisation admin who holds the key: when the recovery code was made, and a way to replace it. */
export function RecoveryCodeCard({ madeAt }: { madeAt: Date | string | null }) {
  return (
    <Card data-testid="recovery-code-card">
      <CardHeader>
        <CardTitle>Recovery code</CardTitle>
        <CardDescription>
          Restores your organisation's documents if every admin loses their password.
          {madeAt ? (
            <>
              {" "}
              Made <DateTime value={madeAt} />.
            </>
          ) : null}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-1 text-sm">
        <p>Lost it, or seen by someone who should not have it? Make a new one: the old one then stops working.</p>
        <Link href="/setup/recovery-code?new=1" className="font-medium text-primary hover:underline">
          Make a new recovery code
        </Link>
      </CardContent>
    </Card>
  );
}
