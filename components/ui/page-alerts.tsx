import { Alert } from "./alert";

/** The success notice and any errors above a page's content, in one place. */
export function PageAlerts({
  notice,
  errors = [],
}: {
  notice?: string | null;
  errors?: ({ message: string } | null | undefined)[];
}) {
  return (
    <>
      {notice ? (
        <Alert variant="success" className="mb-4">
          {notice}
        </Alert>
      ) : null}
      {errors.map((error) =>
        error ? (
          <Alert key={error.message} variant="error" className="mb-4">
            {error.message}
          </Alert>
        ) : null,
      )}
    </>
  );
}
