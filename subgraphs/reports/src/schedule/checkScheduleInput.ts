import { BadUserInputError, isUuid, NotFoundError, type SubgraphContext } from '@perfanalysis/platform';
import { webhookTargets } from '@perfanalysis/subgraph-alerts/read';
import { collectorsByIds } from '@perfanalysis/subgraph-collectors/read';
import { ReportFormat } from '../report/report.type.js';
import { type ReportScheduleInput, ReportScheduleWindow, ScheduledReportKind } from './reportSchedule.type.js';
import { checkCron, checkTimeZone } from './scheduleTiming.js';

/** Bounds of one schedule (docs/report-schedules.md). */
export const SCHEDULE_LIMITS = { maxCollectors: 100, maxRecipients: 50, maxWebhooks: 20, maxSchedules: 100 } as const;

/** A schedule as stored: every field checked. */
export interface ValidSchedule {
  readonly name: string;
  readonly cron: string;
  readonly timeZone: string;
  readonly kind: ScheduledReportKind;
  readonly format: 'html' | 'pdf';
  readonly collectorIds: string[];
  readonly window: ReportScheduleWindow;
  readonly recipients: string[];
  readonly webhookIds: string[];
}

/** One address, no display name; CR and LF can never reach a mail header. */
const EMAIL = /^[^\s@<>(),;:"\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** The enum's value whether the argument arrived as its name (`PDF`) or its value (`pdf`). */
function formatOf(format: ReportFormat | string): ReportFormat {
  return (ReportFormat as Record<string, ReportFormat>)[format] ?? (format as ReportFormat);
}

function checkList(values: readonly string[], field: string, max: number): string[] {
  const unique = [...new Set(values)];
  if (unique.length > max) throw new BadUserInputError(`${field} holds at most ${max} entries.`, { field, max });
  return unique;
}

function checkRecipients(recipients: readonly string[]): string[] {
  const list = checkList(
    recipients.map((r) => r.trim()),
    'recipients',
    SCHEDULE_LIMITS.maxRecipients,
  );
  const bad = list.find((r) => r.length > 254 || !EMAIL.test(r));
  if (bad !== undefined)
    throw new BadUserInputError('recipients holds an address that is not a plain e-mail address.', { field: 'recipients' });
  return list;
}

/** Ids that all exist in a table of the caller's tenant; NOT_FOUND otherwise (another tenant's ids are simply absent). */
async function checkIdsExist(ctx: SubgraphContext, what: 'collector' | 'webhook', ids: string[], field: string): Promise<void> {
  if (ids.some((id) => !isUuid(id))) throw new NotFoundError(`No ${what} with one of these ids in your tenant.`, { field });
  const db = ctx.tenantDb();
  // Read through the owners' modules: collectors and webhooks are not the reports subgraph's tables.
  const found = what === 'collector' ? await collectorsByIds(db, ids) : await webhookTargets(db, ids);
  if (found.length !== ids.length) throw new NotFoundError(`No ${what} with one of these ids in your tenant.`, { field });
}

/** Checks a whole schedule: BAD_USER_INPUT for malformed fields, NOT_FOUND for collectors or webhooks not in the tenant. */
export async function checkScheduleInput(ctx: SubgraphContext, input: ReportScheduleInput): Promise<ValidSchedule> {
  const name = input.name.trim();
  if (name.length < 1 || name.length > 200) throw new BadUserInputError('name must be 1 to 200 characters.', { field: 'name' });
  const format = formatOf(input.format);
  if (format !== ReportFormat.HTML && format !== ReportFormat.PDF) {
    throw new BadUserInputError('A schedule renders HTML or PDF documents.', { field: 'format' });
  }
  if (!Object.values(ReportScheduleWindow).includes(input.window)) throw new BadUserInputError('Unknown window.', { field: 'window' });
  const collectorIds = checkList(input.collectorIds, 'collectorIds', SCHEDULE_LIMITS.maxCollectors);
  if (collectorIds.length === 0) throw new BadUserInputError('collectorIds needs at least one collector.', { field: 'collectorIds' });
  const webhookIds = checkList(input.webhookIds, 'webhookIds', SCHEDULE_LIMITS.maxWebhooks);
  const valid: ValidSchedule = {
    name,
    cron: checkCron(input.cron),
    timeZone: checkTimeZone(input.timeZone),
    kind: input.kind ?? ScheduledReportKind.COLLECTOR,
    format,
    collectorIds,
    window: input.window,
    recipients: checkRecipients(input.recipients),
    webhookIds,
  };
  await checkIdsExist(ctx, 'collector', collectorIds, 'collectorIds');
  if (webhookIds.length) await checkIdsExist(ctx, 'webhook', webhookIds, 'webhookIds');
  return valid;
}
