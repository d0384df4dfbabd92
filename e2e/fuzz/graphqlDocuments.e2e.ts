import { createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const schema: GraphQLSchema = buildSchema(readFileSync(path.resolve(__dirname, '../../schema/api.graphql'), 'utf8'));

/** Strings with NUL and other control characters (issue 19: they used to reach SQL). */
const controlString = fc.string({ unit: fc.constantFrom('a', '@', '\u0000', '\u0007', '\u001b', '\u007f', 'é'), maxLength: 20 });
/** Floats PostgreSQL `real` cannot hold, and one that is not finite at all. */
const unstorableFloat = fc.constantFrom('1e39', '-1e39', '1e-46', '5e-324', '1e309');
/** DateTimeISO values that are no date. */
const badDate = fc.constantFrom('"now"', '"2026-13-45"', '42', JSON.stringify('2'.repeat(1000)), '"2026-01-01T00:00:00Z\\u0000"');

/** A literal for an input type: mostly well-typed, sometimes deliberately wrong. */
function literalOf(type: GraphQLInputType): fc.Arbitrary<string> {
  const wrong = fc.oneof(
    fc.constant('null'),
    fc.constant('"x"'),
    fc.constant('-1'),
    fc.constant('{}'),
    fc.constant('[1,"a"]'),
    fc.constant('1e400'),
  );
  const inner = isNonNullType(type) ? type.ofType : type;
  let right: fc.Arbitrary<string>;
  if (isListType(inner)) right = fc.array(literalOf(inner.ofType as GraphQLInputType), { maxLength: 3 }).map((xs) => `[${xs.join(',')}]`);
  else if (isEnumType(inner)) right = fc.constantFrom(...inner.getValues().map((v) => v.name));
  else if (isInputObjectType(inner))
    right = fc
      .subarray(Object.values(inner.getFields()), { maxLength: Math.min(6, Object.keys(inner.getFields()).length) })
      .chain((fields) => fc.tuple(...fields.map((f) => literalOf(f.type).map((v) => `${f.name}: ${v}`))))
      .map((pairs) => `{${pairs.join(', ')}}`);
  else if (isScalarType(inner) && inner.name === 'Int') right = fc.integer({ min: -5, max: 100_000 }).map(String);
  else if (isScalarType(inner) && inner.name === 'Float')
    right = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }).map(String), unstorableFloat);
  else if (isScalarType(inner) && inner.name === 'Boolean') right = fc.boolean().map(String);
  else if (isScalarType(inner) && inner.name.startsWith('DateTime'))
    right = fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => JSON.stringify(d.toISOString())),
      badDate,
    );
  else right = fc.oneof(fc.string({ maxLength: 40 }), controlString).map((s) => JSON.stringify(s));
  return fc.oneof({ weight: 6, arbitrary: right }, { weight: 1, arbitrary: wrong });
}

function argumentsOf(args: readonly GraphQLArgument[]): fc.Arbitrary<string> {
  if (!args.length) return fc.constant('');
  return fc
    .subarray([...args], { minLength: 0 })
    .chain((chosen) => fc.tuple(...chosen.map((a) => literalOf(a.type).map((v) => `${a.name}: ${v}`))))
    .map((pairs) => (pairs.length ? `(${pairs.join(', ')})` : ''));
}

/** A selection set on `type`, `depth` levels at most, with random aliases. */
function selectionOf(type: GraphQLObjectType, depth: number): fc.Arbitrary<string> {
  const fields = Object.values(type.getFields());
  const field = (f: GraphQLField<unknown, unknown>): fc.Arbitrary<string> => {
    const named = getNamedType(f.type);
    const sub =
      isObjectType(named) && depth > 0
        ? selectionOf(named, depth - 1).map((s) => ` ${s}`)
        : isInterfaceType(named) || isUnionType(named)
          ? fc.constant(' { __typename }')
          : isObjectType(named)
            ? fc.constant(' { __typename }')
            : fc.constant('');
    const alias = fc.option(
      fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,6}$/).map((a) => `${a}: `),
      { nil: '', freq: 4 },
    );
    return fc.tuple(alias, argumentsOf(f.args), sub).map(([a, args, s]) => `${a}${f.name}${args}${s}`);
  };
  return fc
    .uniqueArray(fc.constantFrom(...fields), { minLength: 1, maxLength: 4, selector: (f) => f.name })
    .chain((chosen) => fc.tuple(...chosen.map(field)))
    .map((parts) => `{ ${parts.join(' ')} }`);
}

const schemaDocument: fc.Arbitrary<string> = fc.oneof(
  selectionOf(schema.getQueryType()!, 3),
  selectionOf(schema.getQueryType()!, 3).map((s) => `query Q ${s}`),
  selectionOf(schema.getMutationType()!, 2).map((s) => `mutation M ${s}`),
);

/** Documents built to hurt: deep nesting, alias floods, directive floods, huge strings, garbage. */
const hostileDocument: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 20, max: 3_000 }).map((n) => `${'{ me '.repeat(n)}${'}'.repeat(n)}`),
  fc.integer({ min: 20, max: 3_000 }).map((n) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(' ')} }`),
  fc.integer({ min: 10, max: 2_000 }).map((n) => `{ me ${'@include(if: true) '.repeat(n)} { id } }`),
  fc.integer({ min: 1, max: 200 }).map((n) => `{ collectors { ${'...F '.repeat(n)} } } fragment F on Collector { id hostname }`),
  fc.constant('fragment A on Query { ...B } fragment B on Query { ...A } { ...A }'),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => `{ collector(id: "${'x'.repeat(n)}") { id } }`),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .array(fc.constantFrom('{', '}', '(', ')', '[', ']', ':', '$', '@', '...', 'query', 'me', 'id', '"', '#', '\n'), { maxLength: 80 })
    .map((xs) => xs.join(' ')),
);

/** Request bodies: a document with arbitrary variables and names, or not even the right shape. */
const body: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.oneof(schemaDocument, hostileDocument), fc.option(fc.jsonValue({ maxDepth: 3 })), fc.option(fc.string({ maxLength: 20 })))
      .map(([query, variables, operationName]) => JSON.stringify({ query, variables, operationName })),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.array(fc.record({ query: schemaDocument }), { maxLength: 5 }).map((batch) => JSON.stringify(batch)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
);

describe('fuzz: arbitrary GraphQL documents and variables at the gateway', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;

  beforeAll(async () => {
    // Rate limits high: the point is what the gateway does with the documents, not how fast it refuses them.
    env = await createTestEnvironment({ env: { RATE_LIMIT_API: '100000', RATE_LIMIT_AUTH: '100000', RATE_LIMIT_UPLOAD: '100000' } });
    tenant = await newTenant(env);
  }, 60_000);
  afterAll(() => env?.stop(), 120_000);

  it('never answers 5xx, always JSON with typed error codes, never hangs', async () => {
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.boolean(),
        fc.constantFrom('application/json', 'application/graphql+json', 'text/plain'),
        async (text, signedIn, contentType) => {
          const response = await fetch(env.gatewayUrl, {
            method: 'POST',
            headers: { 'content-type': contentType, ...(signedIn && { authorization: `Bearer ${tenant.session.accessToken}` }) },
            body: text,
            signal: AbortSignal.timeout(15_000),
          });
          const raw = await response.text();
          expect(response.status).toBeLessThan(500);
          expect(response.headers.get('content-type')).toMatch(/json/);
          const answer = JSON.parse(raw) as { errors?: { extensions?: { code?: unknown } }[]; data?: unknown } | unknown[];
          for (const part of Array.isArray(answer) ? answer : [answer]) {
            const { errors } = part as { errors?: { extensions?: { code?: unknown } }[] };
            for (const error of errors ?? []) {
              expect(typeof error.extensions?.code).toBe('string');
              expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
              const code = String(error.extensions?.code);
              seen.set(code, (seen.get(code) ?? 0) + 1);
            }
          }
        },
      ),
      { numRuns: 300, interruptAfterTimeLimit: 45_000 },
    );
    // The generators reach past parsing: validation, resolvers and limits all answered.
    expect(seen.size).toBeGreaterThan(2);
  }, 90_000);

  it('still serves a normal query afterwards', async () => {
    const response = await fetch(env.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tenant.session.accessToken}` },
      body: JSON.stringify({ query: '{ me { email } }' }),
    });
    expect(await response.json()).toEqual({ data: { me: { email: tenant.admin.email } } });
  });
});
