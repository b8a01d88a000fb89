import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../electron/main/security/password';

describe('password hashing', () => {
  it('stores scrypt at OWASP parameters with a random salt', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('horse');
  });

  it('verifies the right password and refuses others', async () => {
    const stored = await hashPassword('Zebra-crossing-2026');
    expect(await verifyPassword('Zebra-crossing-2026', stored)).toBe(true);
    expect(await verifyPassword('zebra-crossing-2026', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('refuses malformed stored hashes without throwing', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$abc$8$1$c2FsdA==$a2V5')).toBe(false);
  });
});
