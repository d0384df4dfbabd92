import { burnPasswordCheck, hashPassword, verifyPassword } from '../src/password/passwordHasher.js';

describe('passwordHasher', () => {
  it('stores argon2id and verifies only the same password', async () => {
    const stored = await hashPassword('Tangerine-Violin-42');
    expect(stored.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(stored, 'Tangerine-Violin-42')).toBe(true);
    expect(await verifyPassword(stored, 'Tangerine-Violin-43')).toBe(false);
  });

  it('salts: the same password never hashes the same way twice', async () => {
    expect(await hashPassword('Tangerine-Violin-42')).not.toBe(await hashPassword('Tangerine-Violin-42'));
  });

  it('answers false, not an exception, for a corrupt stored hash', async () => {
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });

  it('burns a check without throwing for unknown accounts', async () => {
    await expect(burnPasswordCheck('whatever')).resolves.toBeUndefined();
  });
});
