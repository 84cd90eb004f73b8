/**
 * The domain's own error. Services throw it; each edge maps it once — tRPC in server/trpc/init.ts,
 * HTTP route handlers in server/http/domain-error-response.ts — so a service never knows who called it.
 * `field` names the input field the message is about, so forms can show it beside that field.
 */
import { Prisma } from "@prisma/client";

export type DomainErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "TOO_MANY_REQUESTS";

export const HTTP_STATUS: Record<DomainErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly field: string | undefined;
  constructor(code: DomainErrorCode, message: string, opts: { field?: string; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = "DomainError";
    this.code = code;
    this.field = opts.field;
  }
}

export const badRequest = (message: string, field?: string) => new DomainError("BAD_REQUEST", message, { field });
export const conflict = (message: string, field?: string) => new DomainError("CONFLICT", message, { field });
export const forbidden = (message = "You do not have access to this.") => new DomainError("FORBIDDEN", message);
export const unauthorized = (message = "Please sign in.") => new DomainError("UNAUTHORIZED", message);
export const tooManyRequests = (message: string) => new DomainError("TOO_MANY_REQUESTS", message);
export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} not found.`);

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export function isNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}

/** Runs `fn`; a unique-constraint failure becomes a CONFLICT with `message` (about `field`). */
export async function uniqueOr<T>(message: string, fn: () => Promise<T>, field?: string): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(message, field);
    throw error;
  }
}
