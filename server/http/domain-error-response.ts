/**
 * The HTTP edge for the domain's errors (REST, gateway callbacks, file routes): a DomainError
 * becomes its status with `{ error: { code, message, field } }`; anything else a plain 500 that
 * reveals nothing internal.
 */
import { DomainError, HTTP_STATUS } from "../errors";

export function errorResponse(error: unknown): Response {
  if (error instanceof DomainError) {
    const body = {
      error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) },
    };
    return Response.json(body, { status: HTTP_STATUS[error.code] });
  }
  console.error("route handler failed:", error);
  return Response.json(
    { error: { code: "INTERNAL_SERVER_ERROR", message: "Something went wrong on our side. Try again." } },
    { status: 500 },
  );
}

/** Wraps a route handler so the domain's errors answer with their own status. */
export function handleRoute<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
