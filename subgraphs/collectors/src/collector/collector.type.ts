import { ref, TenantRef } from '@perfanalysis/platform';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { CollectorRow } from './collector.entity.js';

export enum CollectorStatus {
  LIVE = 'LIVE',
  STALE = 'STALE',
  NEVER_SEEN = 'NEVER_SEEN',
  INACTIVE = 'INACTIVE',
}
registerEnumType(CollectorStatus, { name: 'CollectorStatus', description: 'LIVE: seen within the last 2 minutes.' });

/** Seen within this long counts as live. */
const LIVE_WINDOW_MS = 120_000;

@Directive('@key(fields: "id")')
@ObjectType('Collector', { description: 'A machine sending metrics.', simpleResolvers: true })
export class Collector {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Unique within the tenant; what agents and CSV files call the machine.' })
  machineId!: string;

  @Field()
  hostname!: string;

  @Field(() => String, { nullable: true })
  ip!: string | null;

  @Field(() => String, { nullable: true })
  platform!: string | null;

  @Field(() => String, { nullable: true })
  site!: string | null;

  @Field()
  active!: boolean;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  lastSeen!: Date | null;

  @Field(() => CollectorStatus)
  status!: CollectorStatus;

  @Field(() => TenantRef)
  tenant!: TenantRef;

  static from(entity: CollectorRow, tenantId: string, now = Date.now()): Collector {
    const status = !entity.active
      ? CollectorStatus.INACTIVE
      : !entity.lastSeen
        ? CollectorStatus.NEVER_SEEN
        : now - entity.lastSeen.getTime() <= LIVE_WINDOW_MS
          ? CollectorStatus.LIVE
          : CollectorStatus.STALE;
    return Object.assign(new Collector(), {
      id: entity.id,
      machineId: entity.machineId,
      hostname: entity.hostname,
      ip: entity.ip,
      platform: entity.platform,
      site: entity.site,
      active: entity.active,
      createdAt: entity.createdAt,
      lastSeen: entity.lastSeen,
      status,
      tenant: ref(TenantRef, tenantId),
    });
  }
}
