import { parse, type OperationDefinitionNode } from 'graphql';
import { clientAddress } from '../src/limits/clientAddress.js';
import { bucketOfPath, bucketsOfOperation, rateLimitKey } from '../src/limits/rateLimitRules.js';

function buckets(query: string) {
  const document = parse(query);
  return bucketsOfOperation(document.definitions[0] as OperationDefinitionNode, document).sort();
}

describe('rate-limit buckets', () => {
  it('classifies operations by their root fields, through fragments', () => {
    expect(buckets('mutation { login(input: {}) { accessToken } }')).toEqual(['auth']);
    expect(buckets('mutation { tricklePoints(input: {}) { accepted } }')).toEqual(['trickle']);
    expect(buckets('mutation { uploadMetrics(file: null) { id } }')).toEqual(['upload']);
    expect(buckets('{ collectors { id } }')).toEqual(['api']);
    expect(buckets('{ __typename }')).toEqual(['api']);
    expect(
      buckets(
        'mutation { ...F ... on Mutation { refresh(token: "") { accessToken } } } fragment F on Mutation { register(input: {}) { id } }',
      ),
    ).toEqual(['auth']);
    expect(buckets('mutation { login(input: {}) { accessToken } registerCollector(input: {}) { id } }')).toEqual(['api', 'auth']);
  });

  it('classifies streamed requests by path', () => {
    expect(bucketOfPath('/graphql', true)).toBe('upload');
    expect(bucketOfPath('/api/v1/performance/upload', false)).toBe('upload');
    expect(bucketOfPath('/api/trickle/ingest/', false)).toBe('trickle');
    expect(bucketOfPath('/api/v1/performance/export', false)).toBe('api');
    expect(bucketOfPath('/downloads/reports/abc', false)).toBe('api');
  });

  it('keys budgets per user, per API key, else per address', () => {
    const user = { kind: 'user', userId: 'u1', email: 'a@b', sessionId: 's', role: null } as const;
    const collector = { kind: 'collector', collectorId: 'c1', keyId: 'k1', scopes: [] } as const;
    expect(rateLimitKey({ principal: user, ip: '10.0.0.1' })).toBe('user:u1');
    expect(rateLimitKey({ principal: collector, ip: '10.0.0.1' })).toBe('key:k1');
    expect(rateLimitKey({ principal: null, ip: '10.0.0.1' })).toBe('ip:10.0.0.1');
  });
});

describe('client address', () => {
  it('ignores X-Forwarded-For unless the peer is a trusted proxy', () => {
    expect(clientAddress('::ffff:127.0.0.1', '1.2.3.4', [])).toBe('127.0.0.1');
    expect(clientAddress('10.0.0.9', '1.2.3.4', ['127.0.0.1'])).toBe('10.0.0.9');
    expect(clientAddress('::ffff:127.0.0.1', '1.2.3.4', ['127.0.0.1'])).toBe('1.2.3.4');
  });

  it('takes the right-most untrusted hop (a client cannot prepend its own)', () => {
    expect(clientAddress('127.0.0.1', '6.6.6.6, 1.2.3.4, 10.0.0.2', ['127.0.0.1', '10.0.0.2'])).toBe('1.2.3.4');
    expect(clientAddress('127.0.0.1', 'not-an-ip', ['127.0.0.1'])).toBe('127.0.0.1');
    expect(clientAddress(undefined, undefined, [])).toBe('unknown');
  });
});
