import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLSchema, parse } from 'graphql';
import { buildSchema, type BuildSchemaOptions, createResolversMap } from 'type-graphql';
import { authChecker } from './authChecker.js';

/** The federation directives every subgraph may use; the one list in the project. */
const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])`;

type ResolverMap = Record<string, Record<string, unknown>>;

function mergeResolvers(base: ResolverMap, extra: ResolverMap): ResolverMap {
  const merged: ResolverMap = { ...base };
  for (const [type, fields] of Object.entries(extra)) merged[type] = { ...merged[type], ...fields };
  return merged;
}

/**
 * type-graphql resolvers → a Federation 2 subgraph schema. `__resolveReference` functions
 * must be passed here: added to the schema afterwards they are silently ignored.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck' | 'authChecker'>,
  referenceResolvers: ResolverMap = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ ...options, authChecker, skipCheck: true, validate: { forbidUnknownValues: false } });
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`);
  const resolvers = mergeResolvers(createResolversMap(schema) as ResolverMap, referenceResolvers);
  return buildSubgraphSchema({ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> });
}
