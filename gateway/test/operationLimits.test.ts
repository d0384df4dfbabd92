import { loadConfig } from '@perfanalysis/platform';
import * as sdk from '@perfanalysis/sdk';
import { buildSchema, type DocumentNode, Kind, parse, print, specifiedRules, validate } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { operationLimitsOf, operationValidationRules, parseOptionsOf } from '../src/limits/operationLimits.js';

const schema = buildSchema(readFileSync(path.resolve(__dirname, '../../schema/api.graphql'), 'utf8'));
const defaults = operationLimitsOf(loadConfig({}).limits);

function errorsOf(query: string, limits = defaults): string[] {
  let document: DocumentNode;
  try {
    document = parse(query, parseOptionsOf(limits));
  } catch (error) {
    return [(error as Error).message];
  }
  return validate(schema, document, [...specifiedRules, ...operationValidationRules(limits)]).map((e) => e.message);
}

describe('operation limits', () => {
  it('has the documented defaults', () => {
    expect(defaults).toEqual({ maxDepth: 10, maxAliases: 15, maxRootFields: 10, maxTokens: 2_000, maxDirectives: 50, maxCost: 5_000 });
  });

  it('lets every operation of the SDK (dashboard, agent) through under the defaults', () => {
    const documents = Object.entries(sdk).filter(
      ([name, value]) => name.endsWith('Document') && (value as DocumentNode)?.kind === Kind.DOCUMENT,
    ) as [string, DocumentNode][];
    expect(documents.length).toBeGreaterThan(10);
    for (const [name, document] of documents) expect([name, errorsOf(print(document))]).toEqual([name, []]);
  });

  it('refuses each excess as a validation or syntax error', () => {
    const small = { ...defaults, maxDepth: 2, maxAliases: 1, maxRootFields: 2, maxTokens: 30, maxDirectives: 1, maxCost: 10 };
    expect(errorsOf('{ collectors { id tenant { id } } }', { ...small, maxTokens: 1000, maxCost: 1000 })).toEqual([
      expect.stringMatching(/depth limit of 2 exceeded, found 3/),
    ]);
    expect(errorsOf('{ a: collectors { id } b: collectors { id } }', { ...small, maxTokens: 1000, maxCost: 1000 })).toEqual([
      expect.stringMatching(/Aliases limit of 1 exceeded, found 2/),
    ]);
    expect(
      errorsOf('{ __typename collectors { id } ...F } fragment F on Query { me { id } }', { ...small, maxTokens: 1000, maxCost: 1000 }),
    ).toEqual(['Root fields limit of 2 exceeded, found 3.']);
    expect(
      errorsOf('{ collectors { id @skip(if: false) hostname @skip(if: false) } }', { ...small, maxTokens: 1000, maxCost: 1000 }),
    ).toEqual([expect.stringMatching(/Directives limit of 1 exceeded, found 2/)]);
    expect(errorsOf('{ collectors { id hostname machineId } }', { ...small, maxTokens: 1000, maxCost: 5 })).toEqual([
      expect.stringMatching(/Cost limit of 5 exceeded, found 6.5/),
    ]);
    expect(errorsOf(`{ ${'__typename '.repeat(40)}}`, small)[0]).toMatch(/Document contains more tha[nt] 30 tokens/);
  });
});
