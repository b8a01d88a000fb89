import { createHash } from 'node:crypto';

/**
 * What a workstation's mirror holds in place of a password hash: a SHA-256 of the server's hash
 * string. The scrypt hash carries its salt; without it a guessed password cannot be checked
 * against this stand-in, so the mirror file no longer lets anyone attack other people's
 * passwords. It still tells whether an account's password changed on the server, which is what
 * offline sign-in and the pruning of verifiers need from the mirror.
 */
const PREFIX = 'mirror-sha256$';

export function mirroredPasswordHash(serverHash: string): string {
  return PREFIX + createHash('sha256').update(serverHash, 'utf8').digest('hex');
}

/** True when a mirrored row's stand-in was made from this verifier (the server's hash cached at sign-in). */
export function mirrorMatchesVerifier(mirrored: string | null | undefined, verifier: string): boolean {
  return typeof mirrored === 'string' && mirrored === mirroredPasswordHash(verifier);
}
