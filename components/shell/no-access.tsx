import { Card, CardContent } from "@/components/ui/card";

/** Shown when a signed-in person opens a page their role may not use. */
export function NoAccess() {
  return (
    <Card>
      <CardContent>
        <h1 className="text-lg font-semibold">No access</h1>
        <p className="mt-1 text-sm text-muted-foreground" role="alert">
          You do not have access to this page. Ask your administrator if you need it.
        </p>
      </CardContent>
    </Card>
  );
}
