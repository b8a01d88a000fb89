import { describe, expect, it } from 'vitest';
import { deliverableEmail, emailForDisplay, isNoEmailPlaceholder, newNoEmailPlaceholder, NO_EMAIL_LABEL } from '../../../shared/domain/reception/no-email';
import { PatientFields } from '../../../shared/ipc/reception/patient-schemas';

describe('the no-email placeholder', () => {
  const placeholder = newNoEmailPlaceholder('0F8C2A3E-1B2C-4D5E-8F90-A1B2C3D4E5F6');

  it('is a unique, storable address in the reserved .invalid domain', () => {
    expect(placeholder).toBe('patient-0f8c2a3e-1b2c-4d5e-8f90-a1b2c3d4e5f6@no-email.invalid');
    expect(placeholder.length).toBeLessThanOrEqual(100);
    expect(newNoEmailPlaceholder('a')).not.toBe(newNoEmailPlaceholder('b'));
    expect(isNoEmailPlaceholder(placeholder)).toBe(true);
  });

  it('counts every .invalid address as none, and no real one', () => {
    expect(isNoEmailPlaceholder('someone@mail.INVALID')).toBe(true);
    expect(isNoEmailPlaceholder('orla.quenby@patients.example')).toBe(false);
    expect(isNoEmailPlaceholder('invalid@example.org')).toBe(false);
    expect(isNoEmailPlaceholder('x@invalid.example.org')).toBe(false);
    expect(isNoEmailPlaceholder('')).toBe(false);
  });

  it('reads "No email" on screens and is never an address to send to', () => {
    expect(emailForDisplay(placeholder)).toBe(NO_EMAIL_LABEL);
    expect(emailForDisplay('orla@patients.example')).toBe('orla@patients.example');
    expect(deliverableEmail(placeholder)).toBeNull();
    expect(deliverableEmail('orla@patients.example')).toBe('orla@patients.example');
  });
});

describe('the patient schema with and without email', () => {
  const base = { firstName: 'Orla', lastName: 'Quenby', phone: '+44 7700 900 123', dateOfBirth: '2019-06-02', gender: 'Female' };
  const issues = (input: unknown) => {
    const parsed = PatientFields.safeParse(input);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('needs an email unless "no email" is chosen', () => {
    expect(issues(base)).toEqual(['email: Email is required (or tick "No email")']);
    expect(issues({ ...base, noEmail: true })).toEqual([]);
    expect(PatientFields.parse({ ...base, noEmail: true }).phone).toBe('+447700900123');
  });

  it('refuses a typed .invalid address and a malformed one', () => {
    expect(issues({ ...base, email: 'me@nowhere.invalid' })).toEqual(['email: That address cannot receive mail: tick "No email" instead']);
    expect(issues({ ...base, email: 'not-an-email' })).toEqual(['email: Use an email like name@example.org']);
  });
});
