import { errors } from '@strapi/utils';
import type { Refusal } from '../state-machine';

/**
 * 409 Conflict. Strapi's errors middleware maps its ApplicationError subclasses
 * to 400/401/403/404/413/429/501 only, and answers any `HttpError` (from
 * http-errors, re-exported by @strapi/utils) with that error's own status and
 * Strapi's usual body { data: null, error: { status, name, message, details } }.
 * So this error *is* an HttpError (its prototype chain includes
 * errors.HttpError.prototype) with status 409 — wherever it is thrown: our
 * routes, the content-manager, the Content API.
 */
export class ConflictError extends Error {
  readonly status = 409;
  readonly statusCode = 409;
  readonly expose = true;
  details: Record<string, unknown>;

  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ConflictError';
    this.details = details;
  }
}
Object.setPrototypeOf(ConflictError.prototype, (errors.HttpError as unknown as { prototype: object }).prototype);

/**
 * 403 with its message intact. Strapi's route authorization wraps the whole
 * handler chain and turns any ForbiddenError into a bare "Forbidden" — except a
 * PolicyError (a ForbiddenError subclass), whose message it lets through. Every
 * refusal must say which state and role are needed, so refusals use it.
 */
export const forbidden = (message: string, details: Record<string, unknown> = {}): Error => new errors.PolicyError(message, details);

/** The Strapi error for a refusal of the state machine: 400 ValidationError, 403 (PolicyError), 409 ConflictError. */
export const refusalError = (refusal: Refusal): Error => {
  const details = { code: refusal.code, ...(refusal.blockers ? { blockers: refusal.blockers } : {}) };
  if (refusal.status === 403) return forbidden(refusal.message, details);
  if (refusal.status === 409) return new ConflictError(refusal.message, details);
  return new errors.ValidationError(refusal.message, details);
};

/** True for a unique-constraint violation on SQLite or PostgreSQL. */
export const isUniqueViolation = (error: unknown): boolean => {
  const candidate = error as { code?: string; message?: string } | null;
  if (!candidate) return false;
  return candidate.code === '23505' || candidate.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/i.test(candidate.message ?? '');
};
