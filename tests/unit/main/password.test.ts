import { describe, expect, it } from 'vitest';
import { AppRuntime } from '../../../electron/main/runtime/app-runtime';
import { hashPassword, PRODUCTION_SCRYPT_COST, verifyPassword } from '../../../electron/main/security/password';
import { sealWithPassword } from '../../../electron/main/services/doctor/signing-keys';
import { TEST_SCRYPT_COST } from '../../support/password-cost';

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

  it('stays at OWASP cost unless a cheaper one is passed in explicitly: a runtime started without one, a sealed signing key', async () => {
    expect(PRODUCTION_SCRYPT_COST).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect(Object.isFrozen(PRODUCTION_SCRYPT_COST)).toBe(true);
    const runtime = new AppRuntime({ dataDir: '/nonexistent', env: {}, secretBox: null, appVersion: '0.0.0-test' });
    expect(runtime.passwordCost).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect(await sealWithPassword('private key', 'Zebra-crossing-2026')).toMatch(/^pw1\$131072\$8\$1\$/);
    // The test cost is taken only where it is given, and the hash carries it for checking.
    const cheap = await hashPassword('Zebra-crossing-2026', TEST_SCRYPT_COST);
    expect(cheap).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword('Zebra-crossing-2026', cheap)).toBe(true);
    expect(new AppRuntime({ dataDir: '/nonexistent', env: {}, secretBox: null, appVersion: '0.0.0-test', passwordCost: TEST_SCRYPT_COST }).passwordCost).toBe(TEST_SCRYPT_COST);
  });

  it('refuses malformed stored hashes without throwing', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$abc$8$1$c2FsdA==$a2V5')).toBe(false);
  });
});
