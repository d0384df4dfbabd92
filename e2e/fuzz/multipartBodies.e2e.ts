import { RegisterCollectorDocument } from '@perfanalysis/sdk';
import { createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import fc from 'fast-check';

const MACHINE = 'fuzz-01';

/** A well-formed CSV of a few recent points: the request around it is what the fuzzer breaks. */
function csv(rows: number, badLastRow: boolean): string {
  const start = Date.now() - 120_000;
  const lines = ['timestamp,machine_id,cpu_user,cpu_system,cpu_idle'];
  for (let i = 0; i < rows; i += 1) lines.push(`${new Date(start + i * 1000).toISOString()},${MACHINE},1,2,97`);
  if (badLastRow) lines.push(`${new Date(start + rows * 1000).toISOString()},${MACHINE},oops,2,97`);
  return lines.join('\n');
}

interface Part {
  readonly name: string;
  readonly filename?: string;
  readonly content: string;
}

function encode(boundary: string, parts: Part[], closing: boolean): Buffer {
  const chunks = parts.map(
    (p) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}\r\n` +
      `${p.filename ? 'Content-Type: text/csv\r\n' : ''}\r\n${p.content}\r\n`,
  );
  return Buffer.from(chunks.join('') + (closing ? `--${boundary}--\r\n` : ''));
}

/** Cut off at `cut` of its length, always before the end of the closing boundary (`--b--` without its CRLF is whole). */
function truncate(body: Buffer, cut: number): Buffer {
  return body.subarray(0, Math.min(Math.floor(body.length * cut), body.length - 3));
}

/**
 * Every generated request carries at least one fault, so none of them may store a row:
 * a bad CSV row (all-or-nothing), a truncated stream, a wrong or missing part, a broken boundary.
 */
const FAULTS = [
  'badRow',
  'truncate',
  'noClosing',
  'noOperations',
  'noMap',
  'garbageOperations',
  'garbageMap',
  'mapToMissingField',
  'wrongFileField',
  'hugeFieldName',
  'headerBoundaryMismatch',
  'nullVariable',
] as const;
type Fault = (typeof FAULTS)[number];

const request = fc.record({
  faults: fc.uniqueArray(fc.constantFrom(...FAULTS), { minLength: 1, maxLength: 3 }),
  rows: fc.integer({ min: 1, max: 50 }),
  boundary: fc.stringMatching(/^[A-Za-z0-9'()+_,./:=?-]{1,60}$/),
  cut: fc.double({ min: 0, max: 1, noNaN: true }),
  garbage: fc.string({ maxLength: 200 }),
  hugeName: fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'f'.repeat(n)),
  extraParts: fc.array(
    fc.record({ name: fc.string({ maxLength: 30 }).map((s) => s.replace(/["\r\n]/g, '')), content: fc.string({ maxLength: 100 }) }),
    {
      maxLength: 3,
    },
  ),
});
type Generated = typeof request extends fc.Arbitrary<infer T> ? T : never;

function graphqlBody(g: Generated): { body: Buffer; contentType: string } {
  const has = (f: Fault) => (g.faults as readonly Fault[]).includes(f);
  const operations = has('garbageOperations')
    ? g.garbage
    : JSON.stringify({
        query: 'mutation($file: Upload!) { uploadMetrics(file: $file) { rowsProcessed } }',
        variables: { file: null },
      });
  const map = has('garbageMap')
    ? g.garbage
    : JSON.stringify({ [has('mapToMissingField') ? '7' : '0']: has('nullVariable') ? ['variables.nope'] : ['variables.file'] });
  const fileField = has('hugeFieldName') ? g.hugeName : has('wrongFileField') ? 'file' : '0';
  const parts: Part[] = [
    ...(has('noOperations') ? [] : [{ name: 'operations', content: operations }]),
    ...(has('noMap') ? [] : [{ name: 'map', content: map }]),
    ...g.extraParts,
    { name: fileField, filename: 'fuzz.csv', content: csv(g.rows, has('badRow')) },
  ];
  let body = encode(g.boundary, parts, !has('noClosing'));
  if (has('truncate')) body = truncate(body, g.cut);
  const declared = has('headerBoundaryMismatch') ? `${g.boundary}x` : g.boundary;
  return { body, contentType: `multipart/form-data; boundary=${declared}` };
}

function restBody(g: Generated): { body: Buffer; contentType: string } {
  const has = (f: Fault) => (g.faults as readonly Fault[]).includes(f);
  // The REST form has no operations or map: faults it cannot express fall back to a bad CSV row.
  const fileField = has('hugeFieldName') ? g.hugeName : has('wrongFileField') || has('mapToMissingField') ? 'upload' : 'file';
  const parts: Part[] = [
    ...(has('noOperations') ? [] : [{ name: 'machine_id', content: has('garbageOperations') ? g.garbage : MACHINE }]),
    ...g.extraParts,
    {
      name: fileField,
      filename: 'fuzz.csv',
      content: csv(
        g.rows,
        !has('truncate') &&
          !has('noClosing') &&
          !has('headerBoundaryMismatch') &&
          !has('wrongFileField') &&
          !has('mapToMissingField') &&
          !has('hugeFieldName'),
      ),
    },
  ];
  let body = encode(g.boundary, parts, !has('noClosing'));
  if (has('truncate')) body = truncate(body, g.cut);
  const declared = has('headerBoundaryMismatch') ? `${g.boundary}x` : g.boundary;
  return { body, contentType: `multipart/form-data; boundary=${declared}` };
}

describe('fuzz: arbitrary multipart bodies at the upload endpoints', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  let apiKey: string;
  const rows = async () =>
    (await env.runtime.db.pool.query<{ n: number }>(`SELECT count(*)::int n FROM "tenant_${tenant.slug}".metric_points`)).rows[0]!.n;

  beforeAll(async () => {
    env = await createTestEnvironment({ env: { RATE_LIMIT_API: '100000', RATE_LIMIT_UPLOAD: '100000', RATE_LIMIT_AUTH: '100000' } });
    tenant = await newTenant(env);
    const { registerCollector } = await tenant.client.request(RegisterCollectorDocument, {
      input: { machineId: MACHINE, hostname: MACHINE },
    });
    apiKey = registerCollector.apiKey;
  }, 60_000);
  afterAll(() => env?.stop(), 120_000);

  async function post(url: string, token: string, { body, contentType }: { body: Buffer; contentType: string }) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
      body: new Uint8Array(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text };
  }

  async function fuzzUploads(kind: 'graphql' | 'rest'): Promise<void> {
    const before = await rows();
    const codes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(request, async (g) => {
        const answer =
          kind === 'graphql'
            ? await post(env.gatewayUrl, tenant.session.accessToken, graphqlBody(g))
            : await post(new URL('/api/v1/performance/upload', env.gatewayUrl).toString(), apiKey, restBody(g));
        // The answer is in the message of a failure: what broke is then visible at once.
        if (answer.status >= 500 || /INTERNAL_SERVER_ERROR/.test(answer.text))
          throw new Error(`HTTP ${answer.status}: ${answer.text.slice(0, 400)}`);
        expect(answer.status).toBeGreaterThanOrEqual(200);
        expect(answer.contentType).toMatch(/json/);
        const parsed = JSON.parse(answer.text) as { errors?: { extensions?: { code?: string } }[]; code?: string; error?: unknown };
        const code = parsed.errors?.[0]?.extensions?.code ?? parsed.code ?? (typeof parsed.error === 'string' ? parsed.error : undefined);
        expect(typeof code).toBe('string');
        expect(code).not.toBe('INTERNAL_SERVER_ERROR');
        codes.set(code!, (codes.get(code!) ?? 0) + 1);
      }),
      { numRuns: 120, interruptAfterTimeLimit: 25_000 },
    );
    expect(await rows()).toBe(before);
    expect(codes.size).toBeGreaterThan(1);
    // No request took the metrics service down.
    const health = await fetch(new URL('/healthz', env.subgraphUrls.metrics), { signal: AbortSignal.timeout(5_000) });
    expect(health.status).toBe(200);
  }

  it('GraphQL multipart at /graphql: never a 5xx, a typed JSON answer, nothing committed', () => fuzzUploads('graphql'), 60_000);

  it('REST /api/v1/performance/upload: never a 5xx, a typed JSON answer, nothing committed', () => fuzzUploads('rest'), 60_000);
});
