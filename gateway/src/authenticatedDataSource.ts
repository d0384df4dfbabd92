import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { IDENTITY_HEADER, type RequestIdentity, signIdentity } from '@perfanalysis/platform';

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>;

/** What the gateway keeps per client request. */
export interface GatewayContext {
  readonly identity: RequestIdentity;
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
    // Node's own fetch (undici) keeps connections to the subgraph open and costs less per request
    // than the default make-fetch-happen, whose cache and retry layers go unused here.
    super({ url, fetcher: ((input: string, init?: RequestInit) => fetch(input, init)) as unknown as Fetcher });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const identity = (context as Partial<GatewayContext>).identity;
    if (identity) request.http?.headers.set(IDENTITY_HEADER, signIdentity(identity, this.internalSecret));
    else request.http?.headers.delete(IDENTITY_HEADER);
  }
}
