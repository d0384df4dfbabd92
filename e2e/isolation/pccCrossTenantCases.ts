import { UploadMetricsDocument, uploadRequest } from '@perfanalysis/sdk';
import { fileOf } from '../ingest/uploadFiles.js';
import { collection } from '../pcc/pccCollection.js';
import type { CrossTenantCase, IsolationWorld } from './crossTenantCases.js';

/** A pcc collection of three rounds, an hour old. */
const COLLECTION = () => collection(Math.floor(Date.now() / 1000) - 3_600, 3);

const file = (text: string) => fileOf('collection.json', text);

/** A REST answer as the error a case expects: its code and message, or nothing for a 2xx. */
async function restOutcome(response: Response): Promise<unknown> {
  const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
  if (response.ok) return body;
  const first = body.errors?.[0];
  throw Object.assign(new Error(first?.message ?? `HTTP ${response.status}`), { code: first?.extensions?.code });
}

/** Points of B's collector in B's schema: a refused upload must leave it empty. */
async function bPoints(w: IsolationWorld): Promise<number> {
  const { rows } = await w.env.runtime.db.pool.query<{ n: number }>(
    `SELECT count(*)::int n FROM "tenant_${w.b.slug}".metric_points WHERE collector_id = $1`,
    [w.bCollectorId],
  );
  return rows[0]!.n;
}

async function unchanged(w: IsolationWorld, attempt: Promise<unknown>): Promise<unknown> {
  const before = await bPoints(w);
  const outcome = await attempt.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if ((await bPoints(w)) !== before) throw new Error("B's collector got points from A");
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}

/** pcc collections on the upload paths (docs/pcc-compatibility.md). */
export const PCC_CROSS_TENANT_CASES: CrossTenantCase[] = [
  {
    name: "A's ADMIN uploads a pcc collection into B's machine (uploadMetrics)",
    expected: 'FORBIDDEN',
    attempt: (w) =>
      unchanged(
        w,
        uploadRequest(
          { url: w.env.gatewayUrl, token: w.a.session.accessToken },
          UploadMetricsDocument,
          { machineId: 'b-secret' },
          file(COLLECTION()),
        ),
      ),
  },
  {
    name: "A's ADMIN uploads a pcc collection into B's machine (REST upload)",
    expected: 'FORBIDDEN',
    attempt: (w) => {
      const form = new FormData();
      form.append('machine_id', 'b-secret');
      form.append('file', new Blob([COLLECTION()]), 'collection.json');
      const url = new URL('/api/v1/performance/upload', w.env.gatewayUrl);
      const sent = fetch(url, { method: 'POST', headers: { authorization: `Bearer ${w.a.session.accessToken}` }, body: form });
      return unchanged(w, sent.then(restOutcome));
    },
  },
];
