"use client";
import { useEffect, useRef } from "react";
import { Alert } from "./alert";

/**
 * The success notice and any errors above a page's content, in one place. A new error is scrolled
 * into view and focused: the button that failed may be far down a long list.
 */
export function PageAlerts({
  notice,
  errors = [],
}: {
  notice?: string | null;
  errors?: ({ message: string } | null | undefined)[];
}) {
  const shown = errors.filter((e): e is { message: string } => Boolean(e));
  const first = useRef<HTMLDivElement>(null);
  const latest = shown.map((e) => e.message).join("\n");
  useEffect(() => {
    if (!latest || !first.current) return;
    first.current.scrollIntoView({ block: "nearest" });
    first.current.focus({ preventScroll: true });
  }, [latest]);
  return (
    <>
      {notice ? (
        <Alert variant="success" className="mb-4">
          {notice}
        </Alert>
      ) : null}
      {shown.map((error, i) => (
        <Alert key={error.message} ref={i === 0 ? first : undefined} tabIndex={-1} variant="error" className="mb-4">
          {error.message}
        </Alert>
      ))}
    </>
  );
}
