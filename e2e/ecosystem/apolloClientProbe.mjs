// A client process built only from the ecosystem's packages: Apollo Client 4 with
// GraphQLWsLink for subscriptions and apollo-upload-client's UploadHttpLink for the rest.
// They are ESM-only, hence a process of their own; it reports what it saw as JSON lines.
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import UploadHttpLink from 'apollo-upload-client/UploadHttpLink.mjs';
import { Kind, OperationTypeNode, parse } from 'graphql';
import { createClient } from 'graphql-ws';
import { File } from 'node:buffer';
import process from 'node:process';
import WebSocket from 'ws';

const probe = JSON.parse(process.env.PROBE_CONFIG ?? '{}');
const report = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);

const isSubscription = ({ query }) =>
  query.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === OperationTypeNode.SUBSCRIPTION);

const wsLink = new GraphQLWsLink(
  createClient({ url: probe.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${probe.token}` } }),
);
// The CSRF preflight header Apollo Server asks of multipart requests (see README "Ingest").
const httpLink = new UploadHttpLink({
  uri: probe.httpUrl,
  headers: { authorization: `Bearer ${probe.token}`, 'apollo-require-preflight': 'true' },
});
const client = new ApolloClient({ cache: new InMemoryCache(), link: ApolloLink.split(isSubscription, wsLink, httpLink) });

client.subscribe({ query: parse(probe.liveDocument), variables: probe.liveVariables }).subscribe({
  next: (result) => report({ kind: 'live', data: result.data ?? null, error: result.error?.message ?? null }),
  error: (error) => report({ kind: 'live-error', message: String(error?.message ?? error) }),
});

const file = new File([probe.csv], 'points.csv', { type: 'text/csv' });
client
  .mutate({ mutation: parse(probe.uploadDocument), variables: { file, machineId: probe.machineId } })
  .then((result) => report({ kind: 'upload', data: result.data ?? null, error: result.error?.message ?? null }))
  .catch((error) => report({ kind: 'upload', data: null, error: String(error?.message ?? error) }));

process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
