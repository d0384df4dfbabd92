import { GraphQLRequestError } from '@perfanalysis/sdk';
import type { GraphQLFormattedError } from 'graphql';

/** A server or network failure put in words a user can act on. */
export interface ErrorDescription {
  readonly title: string;
  readonly details: readonly string[];
  /** The first error's `extensions.code`, when the server sent one. */
  readonly code?: string;
}

function list(value: unknown): string {
  return Array.isArray(value) && value.length > 0 ? value.map(String).join(', ') : '(none)';
}

function detailsOf(error: GraphQLFormattedError): string[] {
  const ext = error.extensions ?? {};
  switch (ext.code) {
    case 'INVALID_CSV_FORMAT':
      return [`Missing columns: ${list(ext.missing)}`, `Columns found: ${list(ext.found)}`];
    case 'INVALID_VALUE': {
      const where = [
        ext.row !== undefined ? `row ${String(ext.row)}` : undefined,
        ext.column !== undefined ? `column “${String(ext.column)}”` : undefined,
      ];
      const place = where.filter(Boolean).join(', ');
      return [`${place ? `At ${place}: ` : ''}value “${String(ext.value ?? '')}”`];
    }
    case 'PAYLOAD_TOO_LARGE':
      return ext.limit !== undefined ? [`Limit: ${String(ext.limit)}`] : [];
    case 'RATE_LIMITED':
      return typeof ext.retryAfter === 'number' ? [`Try again in ${ext.retryAfter} s.`] : [];
    default:
      return [];
  }
}

/** Describes a list of GraphQL errors: the first message as title, every specific below. */
export function describeGraphQLErrors(errors: readonly GraphQLFormattedError[]): ErrorDescription {
  const [first, ...rest] = errors;
  if (!first) return { title: 'The request failed.', details: [] };
  const details = [...detailsOf(first), ...rest.flatMap((e) => [e.message, ...detailsOf(e)])];
  const code = typeof first.extensions?.code === 'string' ? first.extensions.code : undefined;
  return { title: first.message, details, code };
}

/** Any failure (GraphQL errors, network, timeout) as a description. */
export function describeError(error: unknown): ErrorDescription {
  if (error instanceof GraphQLRequestError) return describeGraphQLErrors(error.errors);
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return { title: 'The server took too long to answer. Try again.', details: [] };
  }
  if (error instanceof TypeError) return { title: 'The server could not be reached. Check the connection and try again.', details: [] };
  if (error instanceof Error && error.message) return { title: error.message, details: [] };
  return { title: 'Something went wrong.', details: [] };
}
