import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { IDENTITY_HEADER, type RequestIdentity, signIdentity } from '@perfanalysis/platform';
import { keptAliveFetcher } from './forward/subgraphFetcher.js';

/** What the gateway keeps per client request. */
export interface GatewayContext {
  readonly identity: RequestIdentity;
}

/**
 * How long one signature of an identity object is reused: a federated query sends it to each
 * subgraph of its plan, and a live subscription's identity lives for the subscription. Well inside
 * the age a subgraph accepts (platform/src/auth/internalIdentity.ts).
 */
const SIGNATURE_REUSE_MS = 30_000;

/** Per identity object (one per client request or subscription), its signed header and when it was signed. */
const signed = new WeakMap<RequestIdentity, { readonly header: string; readonly at: number }>();

function signedHeader(identity: RequestIdentity, secret: string): string {
  const now = Date.now();
  const kept = signed.get(identity);
  if (kept && now - kept.at < SIGNATURE_REUSE_MS) return kept.header;
  const header = signIdentity(identity, secret, now);
  signed.set(identity, { header, at: now });
  return header;
}

/**
 * Forwards each subgraph request with the identity the gateway established, signed with the
 * internal secret. Whatever identity header a client sent is overwritten, never passed on.
 */
export class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly internalSecret: string,
  ) {
    super({ url, fetcher: keptAliveFetcher() });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const identity = (context as Partial<GatewayContext>).identity;
    if (identity) request.http?.headers.set(IDENTITY_HEADER, signedHeader(identity, this.internalSecret));
    else request.http?.headers.delete(IDENTITY_HEADER);
  }
}
