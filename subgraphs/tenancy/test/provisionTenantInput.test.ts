import fc from 'fast-check';
import { normaliseHost, validateTenantName } from '../src/tenant/provisionTenant.js';

const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
};

describe('validateTenantName', () => {
  it('trims and keeps a printable name', () => {
    expect(validateTenantName('  Acme Ltd  ')).toBe('Acme Ltd');
  });

  it.each([[''], ['   '], ['a'.repeat(201)], ['Acme\u0000'], ['Acme\u202eevil'], ['line\nbreak']])(
    'refuses %j with BAD_USER_INPUT',
    (name) => {
      expect(code(() => validateTenantName(name))).toBe('BAD_USER_INPUT');
    },
  );
});

describe('normaliseHost', () => {
  it('lower-cases and drops the port', () => {
    expect(normaliseHost('Metrics.Example.COM:8443')).toBe('metrics.example.com');
  });

  it.each([['exa mple.com'], ['-bad.example.com'], ['a..b'], ['x'.repeat(254)], ['http://example.com'], ['']])('refuses %j', (host) => {
    expect(code(() => normaliseHost(host))).toBe('BAD_USER_INPUT');
  });

  it('whatever it accepts is a plain DNS name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (host) => {
        let value: string;
        try {
          value = normaliseHost(host);
        } catch {
          return;
        }
        expect(value).toMatch(/^[a-z0-9.-]+$/);
        expect(value.length).toBeLessThanOrEqual(253);
      }),
    );
  });
});
