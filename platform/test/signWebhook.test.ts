import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhook } from '../src/webhook/signWebhook';

describe('webhook signatures', () => {
  const body = JSON.stringify({ event: 'FIRING', value: 93.5 });

  it('is HMAC-SHA256 over "<timestamp>.<raw body>"', () => {
    const expected = createHmac('sha256', 's3cret').update(`1700000000.${body}`).digest('hex');
    expect(signWebhook('s3cret', body, 1_700_000_000)).toBe(`t=1700000000,v1=${expected}`);
  });

  it('verifies its own signature and refuses edits, other secrets and stale timestamps', () => {
    const now = 1_700_000_000_000;
    const header = signWebhook('s3cret', body, now / 1000);
    expect(verifyWebhook('s3cret', body, header, 300, now)).toBe(true);
    expect(verifyWebhook('s3cret', body.replace('93.5', '93.6'), header, 300, now)).toBe(false);
    expect(verifyWebhook('other', body, header, 300, now)).toBe(false);
    expect(verifyWebhook('s3cret', body, header, 300, now + 301_000)).toBe(false);
    expect(verifyWebhook('s3cret', body, 'garbage', 300, now)).toBe(false);
  });
});
