import { CollectorRef } from '@perfanalysis/platform';
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';

/**
 * A collector's capacities and recommendation thresholds (docs/report-profiles.md). The same
 * class is the answer (`ReportProfileSettings`) and the input (`ReportProfileInput`); null is
 * "the default", named in each field's description.
 */
@ObjectType('ReportProfileSettings')
@InputType('ReportProfileInput')
export class ReportProfileSettings {
  @Field(() => Int, { nullable: true, description: 'Logical CPUs (1–4096). Default: the number of per-CPU devices in the data.' })
  cpuCount?: number | null;

  @Field(() => Float, { nullable: true, description: 'Physical memory, MB. Default: the largest mem_total_mb of the window.' })
  memoryMb?: number | null;

  @Field(() => Float, { nullable: true, description: 'Sustained throughput of one disk device, MB/s. Default: 500 (a SATA SSD).' })
  diskThroughputMbPerSec?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Line rate of one interface in one direction, MB/s. Default: 125 (1 Gbit/s).',
  })
  networkThroughputMbPerSec?: number | null;

  @Field(() => Float, { nullable: true, description: 'CPU busy p95 above this, % (0–100), fires "CPU saturated". Default: 80.' })
  cpuBusyP95Pct?: number | null;

  @Field(() => Float, { nullable: true, description: 'Swap used p95 above this, MB, fires "swap in use". Default: 0.' })
  swapUsedP95Mb?: number | null;

  @Field(() => Float, { nullable: true, description: 'iowait p95 above this, % (0–100). Default: 10.' })
  iowaitP95Pct?: number | null;

  @Field(() => Float, { nullable: true, description: 'Steal p95 above this, % (0–100). Default: 5.' })
  stealP95Pct?: number | null;

  @Field(() => Int, { nullable: true, description: 'Interface errors over the window above this. Default: 0.' })
  networkErrorCount?: number | null;

  @Field(() => Float, { nullable: true, description: 'Available memory p5 below this, % of total (0–100). Default: 10.' })
  memoryAvailableP5Pct?: number | null;

  @Field(() => Float, { nullable: true, description: 'A disk device’s utilisation p95 above this, % (0–100). Default: 80.' })
  diskUtilP95Pct?: number | null;

  @Field(() => Float, { nullable: true, description: 'Load (5 min) p95 per CPU above this (0–100, not 0). Default: 1.' })
  loadPerCoreP95?: number | null;
}

@ObjectType('ReportProfile', { description: 'What the reports of one collector compare against (docs/report-profiles.md).' })
export class ReportProfile {
  @Field(() => CollectorRef)
  collector!: CollectorRef;

  @Field(() => ReportProfileSettings, { description: 'The values set; null fields keep their defaults.' })
  settings!: ReportProfileSettings;

  @Field(() => Date, { nullable: true, description: 'When an ADMIN last set the profile; null while it is all defaults.' })
  updatedAt!: Date | null;
}
