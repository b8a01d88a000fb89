import { describe, expect, it } from 'vitest';
import { PERMISSIONS, PERMISSION_MATRIX, ROLES, roleMay, type Permission } from '../../../shared/ipc/permissions';
import { contract, CHANNELS } from '../../../shared/ipc/contract';
import { CHANNEL_NAMES } from '../../../shared/ipc/channels';

describe('permission matrix', () => {
  it('lets nobody signed out past a non-public permission', () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      expect(roleMay(null, permission)).toBe(permission === 'anyone');
    }
  });

  it('keeps clinic configuration to admin levels', () => {
    expect(PERMISSION_MATRIX['clinic.configure']).toEqual(['admin', 'super_admin']);
    expect(roleMay('front_desk', 'clinic.configure')).toBe(false);
    expect(roleMay('doctor', 'staff.manage')).toBe(false);
    expect(roleMay('patient', 'clinic.read')).toBe(false);
  });

  it('lets the desk and doctors record allergies, and nobody else', () => {
    expect([...PERMISSION_MATRIX['allergies.write']].sort()).toEqual(['admin', 'doctor', 'front_desk', 'super_admin']);
    expect(roleMay('patient', 'allergies.write')).toBe(false);
    expect(contract['patients.allergies.set'].permission).toBe('allergies.write');
    // the rest of a patient's details stay with the desk
    expect(roleMay('doctor', 'patients.write')).toBe(false);
  });

  it('gives every channel a permission that exists, and every role a row', () => {
    for (const channel of CHANNELS) expect(Object.keys(PERMISSIONS)).toContain(contract[channel].permission);
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      for (const role of PERMISSION_MATRIX[permission]) expect(ROLES).toContain(role);
    }
  });

  it('lists in channels.ts exactly the channels of the contract', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual(Object.keys(contract).sort());
  });
});
