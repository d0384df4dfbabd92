import type { RequestIdentity } from '@perfanalysis/platform';
import { type DocumentNode, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** The budgets a request can draw from (each per user, per API key, else per client address). */
export type RateLimitBucket = 'auth' | 'api' | 'upload' | 'trickle' | 'wsConnect';

/** Root fields that create, renew or end credentials: the brute-force targets (docs/limits.md, "credential operations"). */
export const AUTH_ROOT_FIELDS: ReadonlySet<string> = new Set(['register', 'login', 'refresh', 'logout', 'changePassword', 'switchTenant']);
export const UPLOAD_ROOT_FIELDS: ReadonlySet<string> = new Set(['uploadMetrics']);
export const TRICKLE_ROOT_FIELDS: ReadonlySet<string> = new Set(['tricklePoints']);

function bucketOfField(name: string): RateLimitBucket {
  if (AUTH_ROOT_FIELDS.has(name)) return 'auth';
  if (UPLOAD_ROOT_FIELDS.has(name)) return 'upload';
  if (TRICKLE_ROOT_FIELDS.has(name)) return 'trickle';
  return 'api';
}

/** Root field names of an operation, through inline fragments and fragment spreads. */
export function rootFieldNames(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(selectionSet);
  return names;
}

export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
}

/** The buckets an operation draws from: one per kind of root field it selects (each charged once). */
export function bucketsOfOperation(operation: OperationDefinitionNode, document: DocumentNode): RateLimitBucket[] {
  const buckets = new Set(rootFieldNames(operation.selectionSet, fragmentsOf(document)).map(bucketOfField));
  if (buckets.size === 0) buckets.add('api');
  return [...buckets];
}

/** The bucket of a request the gateway streams to a subgraph (REST compatibility, uploads, downloads). */
export function bucketOfPath(path: string, multipart: boolean): RateLimitBucket {
  if (multipart || /^\/(api\/v1\/performance|v1)\/upload\/?$/.test(path)) return 'upload';
  if (/^\/(api\/trickle|v1\/trickle)/.test(path)) return 'trickle';
  return 'api';
}

/** Whose budget a request spends: the user's, the API key's, else the client address's. */
export function rateLimitKey(identity: Pick<RequestIdentity, 'principal' | 'ip'>): string {
  const principal = identity.principal;
  if (principal?.kind === 'user') return `user:${principal.userId}`;
  if (principal?.kind === 'collector') return `key:${principal.keyId}`;
  return `ip:${identity.ip}`;
}
