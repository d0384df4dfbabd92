import fc from 'fast-check';
import { isForbiddenAddress, refuseTarget } from '../src/notify/addressPolicy';

describe('isForbiddenAddress', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '0.0.0.0',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    'fe80::1',
    'fe80::1%eth0',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '64:ff9b::a00:1',
    'localhost',
    'not-an-ip',
  ])('refuses %s', (address) => expect(isForbiddenAddress(address)).toBe(true));

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '192.169.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2a00:1450:4001:80b::200e'])(
    'allows %s',
    (address) => expect(isForbiddenAddress(address)).toBe(false),
  );

  it('refuses every 10/8, 127/8, 192.168/16 address, also IPv4-mapped', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(fc.constantFrom('10', '127', '192.168'), octet, octet, octet, (prefix, a, b, c) => {
        const rest = prefix === '192.168' ? `${b}.${c}` : `${a}.${b}.${c}`;
        const v4 = `${prefix}.${rest}`;
        return isForbiddenAddress(v4) && isForbiddenAddress(`::ffff:${v4}`);
      }),
    );
  });

  it('judges an IPv4-mapped IPv6 address as its IPv4 address', () => {
    fc.assert(fc.property(fc.ipV4(), (v4) => isForbiddenAddress(`::ffff:${v4}`) === isForbiddenAddress(v4)));
  });

  it('refuses link-local and unique-local IPv6 whatever the suffix', () => {
    const group = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
    fc.assert(
      fc.property(fc.constantFrom('fe80', 'febf', 'fc00', 'fdff'), group, group, (prefix, a, b) =>
        isForbiddenAddress(`${prefix}::${a}:${b}`),
      ),
    );
  });
});

describe('refuseTarget', () => {
  const resolveTo =
    (...addresses: string[]) =>
    async () =>
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

  it('refuses a name resolving to a private address (any of several)', async () => {
    expect(await refuseTarget(new URL('https://hooks.example.com/x'), false, resolveTo('93.184.216.34', '10.0.0.5'))).toMatch(
      /10\.0\.0\.5/,
    );
    expect(await refuseTarget(new URL('https://hooks.example.com/x'), false, resolveTo('93.184.216.34'))).toBeUndefined();
  });

  it('refuses literal loopback hosts, IPv6 in brackets included', async () => {
    expect(await refuseTarget(new URL('http://127.0.0.1:8080/'), false)).toMatch(/ALERTS_WEBHOOK_ALLOW_PRIVATE/);
    expect(await refuseTarget(new URL('http://[::1]:8080/'), false)).toBeDefined();
    expect(await refuseTarget(new URL('http://[::ffff:127.0.0.1]/'), false)).toBeDefined();
  });

  it('allows private targets only when configured to, and never other schemes or credentials', async () => {
    expect(await refuseTarget(new URL('http://127.0.0.1:8080/'), true)).toBeUndefined();
    expect(await refuseTarget(new URL('file:///etc/passwd'), true)).toBeDefined();
    expect(await refuseTarget(new URL('https://u:p@example.com/'), true)).toBeDefined();
  });

  it('refuses hosts that do not resolve', async () => {
    const failing = async () => {
      throw new Error('ENOTFOUND');
    };
    expect(await refuseTarget(new URL('https://nowhere.invalid/'), false, failing)).toMatch(/does not resolve/);
  });
});
