import { postWebhook, type Runtime, type TenantDb } from '@perfanalysis/platform';
import { webhookTargets } from '@perfanalysis/subgraph-alerts/read';
import type { DeliveryRun } from './deliveryDocument.js';

/**
 * Posts a REPORT event to each of the tenant's alert webhooks (the same signed targets and
 * address policy: docs/webhook-targets.md) that is named, enabled and not yet told; the body
 * carries links, never the documents. Returns the ids that accepted it, and the first error.
 */
export async function postReportWebhooks(
  runtime: Runtime,
  db: TenantDb,
  webhookIds: readonly string[],
  run: DeliveryRun,
): Promise<{ delivered: string[]; error: string | undefined }> {
  const rows = await webhookTargets(db, webhookIds, { enabledOnly: true });
  const body = JSON.stringify({
    event: 'REPORT',
    tenant: run.tenant,
    runId: run.runId,
    schedule: { id: run.scheduleId, name: run.scheduleName },
    from: run.from.toISOString(),
    to: run.to.toISOString(),
    documents: run.documents.map((d) => ({
      archiveId: d.archiveId,
      kind: d.kind,
      collectorId: d.collectorId,
      machineId: d.machineId,
      collectorIds: d.collectorIds,
      machineIds: d.machineIds,
      fileName: d.fileName,
      bytes: d.body.length,
      url: d.url,
      expiresAt: d.linkExpiresAt.toISOString(),
    })),
    at: new Date().toISOString(),
  });
  const { webhookAllowPrivate, webhookPorts, webhookTimeoutMs } = runtime.config.alerts;
  const delivered: string[] = [];
  let error: string | undefined;
  for (const hook of rows) {
    const result = await postWebhook(hook.url, hook.secret, body, {
      policy: { allowPrivate: webhookAllowPrivate, extraPorts: webhookPorts },
      timeoutMs: webhookTimeoutMs,
      userAgent: 'PerfAnalysis-Reports/1',
    });
    if (result.ok) delivered.push(hook.id);
    else error ??= `webhook ${hook.id}: ${result.error ?? `answered ${result.statusCode}`}`;
  }
  return { delivered, error };
}
