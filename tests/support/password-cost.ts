import type { ScryptCost } from '../../electron/main/security/password';

/**
 * scrypt cost for test workstations and fixture accounts: N=2^10 takes about a millisecond where
 * OWASP's N=2^17 takes a second or more on a loaded two-core machine. Passed explicitly
 * (`passwordCost` in the workstation's options); the app never takes it by default
 * (tests/unit/main/password.test.ts).
 */
export const TEST_SCRYPT_COST: ScryptCost = Object.freeze({ N: 2 ** 10, r: 8, p: 1 });
