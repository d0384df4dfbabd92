import type { FleetMember } from '@perfanalysis/reports';
import {
  type ComparisonJob,
  type ComparisonOutput,
  type FleetMemberJob,
  renderComparisonJob,
  summarizeMemberJob,
} from '../compare/comparisonJob.js';
import { type RenderJob, renderJob, type RenderOutput } from './renderJob.js';

/** Every job a render worker takes: a collector report, one fleet member's summary, a comparison. */
export type WorkerJob = RenderJob | FleetMemberJob | ComparisonJob;

/** What a job of each type answers. */
export type OutputOf<J extends WorkerJob> = J extends RenderJob ? RenderOutput : J extends FleetMemberJob ? FleetMember : ComparisonOutput;

/** Runs one job on the worker's thread. */
export async function runWorkerJob(job: WorkerJob): Promise<OutputOf<WorkerJob>> {
  switch (job.type) {
    case 'report':
      return renderJob(job);
    case 'fleetMember':
      return summarizeMemberJob(job);
    case 'comparison':
      return renderComparisonJob(job);
  }
}
