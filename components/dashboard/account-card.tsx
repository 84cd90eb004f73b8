import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { passwordAge } from "@/lib/dashboard/password-age";

/** Who is signed in and how old their password is (Change password is in the header, beside the name). */
export function AccountCard({
  who,
  email,
  role,
  passwordChangedAt,
  passwordMaxAgeDays,
  now,
}: {
  who: string;
  email: string;
  role: string;
  passwordChangedAt: Date | null;
  passwordMaxAgeDays: number | null;
  now: Date;
}) {
  const age = passwordChangedAt ? passwordAge(passwordChangedAt, passwordMaxAgeDays, now) : null;
  return (
    <Card data-testid="account">
      <CardHeader>
        <CardTitle>Your account</CardTitle>
        <CardDescription>
          {who} · {role}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-1 text-sm">
        <p className="break-all">{email}</p>
        {age ? <p data-testid="password-age">{age}</p> : null}
      </CardContent>
    </Card>
  );
}
