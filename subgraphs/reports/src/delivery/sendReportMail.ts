import type { Config } from '@perfanalysis/platform';
import type { DeliveryDocument, DeliveryRun } from './deliveryDocument.js';
import { createMailTransport } from './mailTransport.js';

/** What a document is about: its machine, or the machines of a fleet comparison. */
function subject(doc: DeliveryDocument): string {
  return doc.machineId ?? `fleet comparison of ${doc.machineIds.length} (${doc.machineIds.join(', ')})`;
}

function line(doc: DeliveryDocument, attached: boolean): string {
  const size = `${(doc.body.length / 1024).toFixed(0)} KiB`;
  return attached
    ? `- ${subject(doc)}: ${doc.fileName} (attached, ${size}; also at ${doc.url} until ${doc.linkExpiresAt.toISOString()})`
    : `- ${subject(doc)}: ${doc.fileName} (${size}, too large to attach) at ${doc.url} until ${doc.linkExpiresAt.toISOString()}`;
}

/**
 * E-mails a run's documents to the schedule's recipients in one message: each document
 * attached when it is at most `MAIL_ATTACH_MAX_BYTES`, else linked (docs/report-schedules.md).
 * Rejects when the server refuses the message or any recipient.
 */
export async function sendReportMail(mail: Config['mail'], recipients: readonly string[], run: DeliveryRun): Promise<void> {
  const transport = createMailTransport(mail);
  try {
    const attached = run.documents.filter((d) => d.body.length <= mail.attachMaxBytes);
    const window = `${run.from.toISOString()} – ${run.to.toISOString()}`;
    const text = [
      `The scheduled report "${run.scheduleName}" covering ${window}:`,
      '',
      ...run.documents.map((d) => line(d, attached.includes(d))),
      '',
      'Every document stays in the report archive of your tenant until its retention ends.',
    ].join('\n');
    const info = await transport.sendMail({
      from: mail.from,
      to: [...recipients],
      subject: `Report: ${run.scheduleName} (${run.from.toISOString().slice(0, 10)})`,
      text,
      attachments: attached.map((d) => ({ filename: d.fileName, content: d.body, contentType: d.contentType })),
      headers: { 'X-PerfAnalysis-Run': run.runId },
    });
    if (info.rejected.length) throw new Error(`the SMTP server refused ${info.rejected.length} recipient(s)`);
  } finally {
    transport.close();
  }
}
