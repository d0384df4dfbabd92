import { isPlainTrickle } from '../src/forward/trickleFastPath.js';

describe('isPlainTrickle: which documents skip the query planner', () => {
  const plain = (query: string) => isPlainTrickle(query, 2_000);

  it('takes one trickle mutation selecting acknowledgement fields', () => {
    expect(plain('mutation T($p: [MetricPointInput!]!) { tricklePoints(points: $p) { accepted duplicates from to } }')).toBe(true);
    expect(plain('mutation { tricklePoints(points: []) { __typename accepted } }')).toBe(true);
  });

  it.each([
    ['a query', '{ tricklePoints(points: []) { accepted } }'],
    ['a second root field', 'mutation { tricklePoints(points: []) { accepted } logout }'],
    ['another mutation', 'mutation { logout }'],
    ['an alias', 'mutation { t: tricklePoints(points: []) { accepted } }'],
    ['an aliased ack field', 'mutation { tricklePoints(points: []) { a: accepted } }'],
    ['a directive', 'mutation { tricklePoints(points: []) @skip(if: false) { accepted } }'],
    ['a fragment', 'mutation { tricklePoints(points: []) { ...A } } fragment A on TrickleAck { accepted }'],
    ['an unknown ack field', 'mutation { tricklePoints(points: []) { accepted collector { hostname } } }'],
    ['two operations', 'mutation A { tricklePoints(points: []) { accepted } } mutation B { tricklePoints(points: []) { accepted } }'],
    ['a syntax error', 'mutation { tricklePoints(points: [) { accepted } }'],
  ])('leaves %s to the planned path', (_, query) => {
    expect(plain(query)).toBe(false);
  });

  it('leaves a document past the token limit to the planned path (which refuses it)', () => {
    expect(isPlainTrickle('mutation { tricklePoints(points: []) { accepted duplicates from to } }', 5)).toBe(false);
  });
});
