import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openWithPassword, sealWithPassword } from '../../../electron/main/services/doctor/signing-keys';

describe('a signing key sealed by the doctor password', () => {
  it('opens with that password only, and the sealed text holds no key material in the clear', { timeout: 30_000 }, async () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const sealed = await sealWithPassword(pem, 'correct horse battery staple');
    expect(sealed.startsWith('pw1$131072$8$1$')).toBe(true);
    expect(sealed).not.toContain('PRIVATE KEY');
    expect(sealed).not.toContain(pem.split('\n')[1]);
    expect(await openWithPassword(sealed, 'correct horse battery staple')).toBe(pem);
    expect(await openWithPassword(sealed, 'correct horse battery stapler')).toBeNull();
    // a flipped bit of the ciphertext is refused by the GCM tag, never returned as a wrong key
    const parts = sealed.split('$');
    const data = Buffer.from(parts[7]!, 'base64');
    data[0] = data[0]! ^ 1;
    parts[7] = data.toString('base64');
    expect(await openWithPassword(parts.join('$'), 'correct horse battery staple')).toBeNull();
  });
});
