import fc from 'fast-check';
import { isForbiddenAddress, refuseTarget } from '../src/webhook/addressPolicy';

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
    '192.88.99.1',
    '2002:7f00:1::1',
    '2002:a00:1::',
    '2002:a9fe:a9fe::1',
    '2001:0:a00:1::ffff:ffff',
    '2001:0:808:808::3fff:fffe',
  ])('refuses %s', (address) => expect(isForbiddenAddress(address)).toBe(true));

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '192.169.0.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '2a00:1450:4001:80b::200e',
    '2002:808:808::1',
    '2001:0:808:808::f7f7:f7f7',
  ])('allows %s', (address) => expect(isForbiddenAddress(address)).toBe(false));

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

  it('judges a 6to4 address as the IPv4 address it embeds', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 0, max: 0xffff }), (v4, subnet) => {
        const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
        const hex = (hi: number, lo: number) => ((hi << 8) | lo).toString(16);
        const sixToFour = `2002:${hex(a, b)}:${hex(c, d)}:${subnet.toString(16)}::1`;
        return isForbiddenAddress(sixToFour) === isForbiddenAddress(v4);
      }),
    );
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
  const strict = { allowPrivate: false, extraPorts: [] };
  const open = { allowPrivate: true, extraPorts: [] };

  it('refuses a name resolving to a private address (any of several)', async () => {
    expect(await refuseTarget(new URL('https://hooks.example.com/x'), strict, resolveTo('93.184.216.34', '10.0.0.5'))).toMatch(
      /10\.0\.0\.5/,
    );
    expect(await refuseTarget(new URL('https://hooks.example.com/x'), strict, resolveTo('93.184.216.34'))).toBeUndefined();
  });

  it('refuses literal loopback hosts, IPv6 in brackets included', async () => {
    expect(await refuseTarget(new URL('http://127.0.0.1:8080/'), strict)).toMatch(/ALERTS_WEBHOOK_ALLOW_PRIVATE/);
    expect(await refuseTarget(new URL('http://[::1]:8080/'), strict)).toBeDefined();
    expect(await refuseTarget(new URL('http://[::ffff:127.0.0.1]/'), strict)).toBeDefined();
  });

  it('allows private targets only when configured to, and never other schemes or credentials', async () => {
    expect(await refuseTarget(new URL('http://127.0.0.1:8080/'), open)).toBeUndefined();
    expect(await refuseTarget(new URL('file:///etc/passwd'), open)).toBeDefined();
    expect(await refuseTarget(new URL('https://u:p@example.com/'), open)).toBeDefined();
  });

  it('allows 80, 443 and the configured ports only', async () => {
    const publicHost = resolveTo('93.184.216.34');
    expect(await refuseTarget(new URL('https://hooks.example.com/'), strict, publicHost)).toBeUndefined();
    expect(await refuseTarget(new URL('http://hooks.example.com:80/'), strict, publicHost)).toBeUndefined();
    expect(await refuseTarget(new URL('http://hooks.example.com:443/'), strict, publicHost)).toBeUndefined();
    for (const port of ['5432', '0', '22', '8443']) {
      expect(await refuseTarget(new URL(`https://hooks.example.com:${port}/`), strict, publicHost)).toMatch(/ALERTS_WEBHOOK_PORTS/);
    }
    const withExtra = { allowPrivate: false, extraPorts: [8443] };
    expect(await refuseTarget(new URL('https://hooks.example.com:8443/'), withExtra, publicHost)).toBeUndefined();
  });

  it('refuses hosts that do not resolve', async () => {
    const failing = async () => {
      throw new Error('ENOTFOUND');
    };
    expect(await refuseTarget(new URL('https://nowhere.invalid/'), strict, failing)).toMatch(/does not resolve/);
  });
});
