import { type AppError, ServiceUnavailableError, toAppError } from '@perfanalysis/platform';

/**
 * A failed authentication as the error every transport answers with (HTTP status, GraphQL code,
 * close code: docs/errors.md): its typed refusal, else SERVICE_UNAVAILABLE (the credential store is unreachable).
 */
export function authenticationRefusal(error: unknown): AppError {
  return toAppError(error) ?? new ServiceUnavailableError('Authentication is unavailable; retry shortly.');
}
