import { buildHash, matchRoute, parseHash } from '../src/router/matchRoute.js';

const routes = { home: '/', collector: '/collectors/:id', admin: '/admin/users' } as const;

describe('hash routing', () => {
  it('parses paths and queries', () => {
    expect(parseHash('').path).toBe('/');
    expect(parseHash('#/').path).toBe('/');
    const loc = parseHash('#/collectors/abc/?range=24h&x=a?b');
    expect(loc.path).toBe('/collectors/abc');
    expect(loc.query.get('range')).toBe('24h');
    expect(loc.query.get('x')).toBe('a?b');
  });

  it('matches patterns with parameters', () => {
    expect(matchRoute(routes, parseHash('#/'))).toMatchObject({ name: 'home', params: {} });
    expect(matchRoute(routes, parseHash('#/collectors/a%2Fb'))).toMatchObject({ name: 'collector', params: { id: 'a/b' } });
    expect(matchRoute(routes, parseHash('#/admin/users'))?.name).toBe('admin');
    expect(matchRoute(routes, parseHash('#/collectors'))).toBeUndefined();
    expect(matchRoute(routes, parseHash('#/collectors/%E0%A4%A'))).toBeUndefined();
  });

  it('builds hashes, dropping empty values', () => {
    expect(buildHash('/collectors/1', { range: '7d', from: undefined, to: '' })).toBe('#/collectors/1?range=7d');
    expect(buildHash('/')).toBe('#/');
  });
});
