import type { EntityManager } from '@mikro-orm/postgresql';
import {
  announceApiKeyChanged,
  auditRequest,
  NotFoundError,
  publishCollectorChanged,
  type SubgraphContext,
  isUuid,
} from '@perfanalysis/platform';
import { Arg, Authorized, Ctx, ID, Mutation, Query, registerEnumType, Resolver } from 'type-graphql';
import { emStatement, expireLiveKeys, insertApiKey, poolStatement, revokeKeys, setKeyScopes } from '../apiKey/apiKeyStore.js';
import { CollectorEntity, type CollectorRow } from './collector.entity.js';
import { COLLECTOR_ROW_COLUMNS, listCollectorRows } from './collectorRows.js';
import { CollectorWithKey, RegisterCollectorInput, UpdateCollectorInput } from './collector.inputs.js';
import { Collector } from './collector.type.js';

export enum ApiKeyScopeEnum {
  READ = 'READ',
}
registerEnumType(ApiKeyScopeEnum, {
  name: 'ApiKeyScope',
  description: 'What a key may do besides sending its own collector’s data. READ: read the tenant like a VIEWER.',
});

/** Tells the ingest paths' machine caches (a refused machine may now be allowed, or the reverse). */
async function announceChange(ctx: SubgraphContext, machineId: string): Promise<void> {
  await publishCollectorChanged(ctx.runtime.pubsub, { tenantSlug: ctx.tenant().slug, machineId }).catch((error: unknown) =>
    ctx.logger.warn({ err: error, machineId }, 'collector change not published (caches expire within seconds)'),
  );
}

/** Tells the gateways to drop what they keep of this collector's keys and re-check its agent channels (docs/wire.md). */
function announceKeysChanged(ctx: SubgraphContext, collectorId: string): Promise<void> {
  return announceApiKeyChanged(ctx.runtime.pubsub, { tenantId: ctx.tenant().id, collectorId }, ctx.logger);
}

async function findCollector(em: EntityManager, id: string): Promise<CollectorEntity> {
  const collector = isUuid(id) ? await em.findOne(CollectorEntity, { id }) : null;
  if (!collector) throw new NotFoundError('No collector with that id in this tenant.');
  return collector;
}

@Resolver(() => Collector)
export class CollectorResolver {
  @Authorized()
  @Query(() => [Collector], { description: 'Every collector of the current tenant.' })
  async collectors(@Ctx() ctx: SubgraphContext): Promise<Collector[]> {
    const tenantId = ctx.tenant().id;
    const now = Date.now();
    return (await listCollectorRows(ctx.tenantEm())).map((row) => Collector.from(row, tenantId, now));
  }

  @Authorized()
  @Query(() => Collector, { nullable: true })
  async collector(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Collector | null> {
    const row = isUuid(id) ? await ctx.tenantEm().findOne(CollectorEntity, { id }) : null;
    return row ? Collector.from(row, ctx.tenant().id) : null;
  }

  @Authorized('ADMIN')
  @Mutation(() => CollectorWithKey, { description: 'Registers a machine and issues its API key (shown once).' })
  async registerCollector(@Arg('input') input: RegisterCollectorInput, @Ctx() ctx: SubgraphContext): Promise<CollectorWithKey> {
    const tenantId = ctx.tenant().id;
    const { collector, apiKey } = await ctx.tenantDb().transaction(async (tx) => {
      const { rows } = await tx.query<CollectorRow>(
        `INSERT INTO ${tx.table('collectors')} (machine_id, hostname, ip, platform, site) VALUES ($1, $2, $3, $4, $5)
         RETURNING ${COLLECTOR_ROW_COLUMNS}`,
        [input.machineId, input.hostname, input.ip ?? null, input.platform ?? null, input.site ?? null],
        { conflict: { message: 'A collector with that machineId exists in this tenant.', field: 'machineId' } },
      );
      const collector = rows[0]!;
      return { collector, apiKey: await insertApiKey(poolStatement(tx), tenantId, collector.id) };
    });
    await auditRequest(ctx, 'KEY_ISSUED', { collectorId: collector.id });
    await announceChange(ctx, collector.machineId);
    return Object.assign(new CollectorWithKey(), { collector: Collector.from(collector, tenantId), apiKey, previousKeyExpiresAt: null });
  }

  @Authorized('ADMIN')
  @Mutation(() => Collector)
  async updateCollector(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateCollectorInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Collector> {
    const em = ctx.tenantEm();
    const collector = await findCollector(em, id);
    em.assign(collector, Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));
    await em.flush();
    return Collector.from(collector, ctx.tenant().id);
  }

  @Authorized('ADMIN')
  @Mutation(() => Collector, { description: 'An inactive collector’s keys are refused; reactivating restores them.' })
  async setCollectorActive(
    @Arg('id', () => ID) id: string,
    @Arg('active') active: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Collector> {
    const em = ctx.tenantEm();
    const collector = await findCollector(em, id);
    collector.active = active;
    await em.flush();
    await announceChange(ctx, collector.machineId);
    await announceKeysChanged(ctx, collector.id);
    return Collector.from(collector, ctx.tenant().id);
  }

  @Authorized('ADMIN')
  @Mutation(() => CollectorWithKey, { description: 'Issues a new key; the old one keeps working for the grace period (API_KEY_GRACE).' })
  async rotateApiKey(@Arg('collectorId', () => ID) collectorId: string, @Ctx() ctx: SubgraphContext): Promise<CollectorWithKey> {
    const tenantId = ctx.tenant().id;
    const graceEndsAt = new Date(Date.now() + ctx.runtime.config.auth.apiKeyGraceMs);
    const { collector, apiKey } = await ctx.tenantEm().transactional(async (em) => {
      const collector = await findCollector(em, collectorId);
      await expireLiveKeys(emStatement(em), tenantId, collector.id, graceEndsAt);
      return { collector, apiKey: await insertApiKey(emStatement(em), tenantId, collector.id) };
    });
    await announceKeysChanged(ctx, collector.id);
    await auditRequest(ctx, 'KEY_ROTATED', { collectorId: collector.id, graceEndsAt });
    return Object.assign(new CollectorWithKey(), {
      collector: Collector.from(collector, tenantId),
      apiKey,
      previousKeyExpiresAt: graceEndsAt,
    });
  }

  @Authorized('ADMIN')
  @Mutation(() => Boolean, { description: 'Every key of the collector stops working within a second.' })
  async revokeApiKeys(@Arg('collectorId', () => ID) collectorId: string, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    const collector = await findCollector(ctx.tenantEm(), collectorId);
    const revoked = await revokeKeys(emStatement(ctx.em), ctx.tenant().id, collector.id);
    await announceKeysChanged(ctx, collector.id);
    await auditRequest(ctx, 'KEY_REVOKED', { collectorId: collector.id, revoked });
    return true;
  }

  @Authorized('ADMIN')
  @Mutation(() => Boolean, {
    description: 'Sets the scopes of the collector’s keys (rotations keep them). None: the key sends its own data only.',
  })
  async setApiKeyScopes(
    @Arg('collectorId', () => ID) collectorId: string,
    @Arg('scopes', () => [ApiKeyScopeEnum]) scopes: ApiKeyScopeEnum[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<boolean> {
    const collector = await findCollector(ctx.tenantEm(), collectorId);
    const granted = [...new Set(scopes)];
    const keys = await setKeyScopes(emStatement(ctx.em), ctx.tenant().id, collector.id, granted);
    await announceKeysChanged(ctx, collector.id);
    await auditRequest(ctx, 'KEY_SCOPES', { collectorId: collector.id, scopes: granted, keys });
    return true;
  }
}
