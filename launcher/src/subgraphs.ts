import type { EntityClass } from '@mikro-orm/postgresql';
import type { Runtime, ServiceName, SubgraphServer } from '@perfanalysis/platform';
import { alertsEntities, buildAlertsSchema, createAlertsSubgraph } from '@perfanalysis/subgraph-alerts';
import { buildCollectorsSchema, collectorsEntities, createCollectorsSubgraph } from '@perfanalysis/subgraph-collectors';
import { buildIdentitySchema, createIdentitySubgraph, identityEntities } from '@perfanalysis/subgraph-identity';
import { buildMetricsSchema, createMetricsSubgraph, metricsEntities } from '@perfanalysis/subgraph-metrics';
import { buildReportsSchema, createReportsSubgraph } from '@perfanalysis/subgraph-reports';
import { buildTenancySchema, createTenancySubgraph, tenancyEntities } from '@perfanalysis/subgraph-tenancy';
import { membershipDirectory } from '@perfanalysis/subgraph-tenancy/read';
import type { GraphQLSchema } from 'graphql';

/** How to build, map and start one subgraph. */
export interface SubgraphModule {
  readonly buildSchema: () => Promise<GraphQLSchema>;
  readonly entities: readonly EntityClass<object>[];
  readonly create: (runtime: Runtime) => Promise<SubgraphServer>;
}

/** Every subgraph of the platform, in composition order. */
export const SUBGRAPHS: Readonly<Record<ServiceName, SubgraphModule>> = {
  // Identity's port on memberships is filled here with tenancy's read module: tenancy may read
  // identity, so identity cannot import tenancy (docs/migrations.md "Ports").
  identity: {
    buildSchema: () => buildIdentitySchema(membershipDirectory),
    entities: identityEntities,
    create: (runtime) => createIdentitySubgraph(runtime, membershipDirectory),
  },
  tenancy: { buildSchema: buildTenancySchema, entities: tenancyEntities, create: createTenancySubgraph },
  collectors: { buildSchema: buildCollectorsSchema, entities: collectorsEntities, create: createCollectorsSubgraph },
  metrics: { buildSchema: buildMetricsSchema, entities: metricsEntities, create: createMetricsSubgraph },
  reports: { buildSchema: buildReportsSchema, entities: [], create: createReportsSubgraph },
  alerts: { buildSchema: buildAlertsSchema, entities: alertsEntities, create: createAlertsSubgraph },
};

export const ALL_ENTITIES: readonly EntityClass<object>[] = Object.values(SUBGRAPHS).flatMap((s) => s.entities);
