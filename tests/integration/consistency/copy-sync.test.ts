/**
 * Names copied into prescriptions follow the people: at once on the workstation that renames,
 * and by the scheduled pass for changes made elsewhere (another workstation, a direct SQL edit),
 * each change applied by exactly one workstation, resumable, and idempotent. A signed
 * prescription keeps the names it was signed with; its display copy follows.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workstation } from '../../../electron/main/compose';
import { CopySyncStore } from '../../../electron/main/data/sql/consistency/copy-sync-store';
import { serverNowMs } from '../../../electron/main/data/sql/repositories/server-clock-repository';
import { doctorSessionUser } from '../../../electron/main/services/accounts';
import { prescriptionPdf } from '../../../electron/main/services/doctor/prescription-pdf';
import { copyClaimKey } from '../../../shared/domain/integration/copied-names';
import type { TempDir } from '../../support/services';
import { expectOk, WORKSTATION_STORES } from '../../support/workstation-stores';
import { createAccounts } from '../auth/accounts-fixture';
import { openWorkstation } from '../communications/comms-fixture';
import { pass, seedPrescriptions } from './consistency-fixture';

describe.each(WORKSTATION_STORES)('copy sync on the $name', (store) => {
  const networked = store.name.startsWith('networked');
  let a: Workstation;
  let b: Workstation;
  let dirs: TempDir[] = [];
  let cleanup: () => Promise<void>;
  let seeded: Awaited<ReturnType<typeof seedPrescriptions>>;

  beforeAll(async () => {
    const opened = await store.open();
    cleanup = opened.cleanup;
    const first = await openWorkstation(opened.env, 'desk-a');
    a = first.workstation;
    dirs = [first.dir];
    // Standalone: one clinic file has one workstation; its passes overlap with themselves.
    b = a;
    if (networked) {
      const second = await openWorkstation(opened.env, 'desk-b');
      b = second.workstation;
      dirs.push(second.dir);
    }
    seeded = await seedPrescriptions(a);
    const accounts = await createAccounts(a.runtime.stores().sql);
    a.session.signIn(accounts.admin.user);
  }, 120_000);

  afterAll(async () => {
    await a?.close();
    if (b !== a) await b?.close();
    await cleanup?.();
    for (const d of dirs) d.remove();
  });

  const docs = () => a.runtime.stores().documents.prescriptions.find({}, { sort: { prescriptionDate: 'asc' } });

  it('renames on A reach every copy at once; the signed one keeps its signed name beside the current one', async () => {
    const [p0] = seeded.patients;
    expectOk(
      await a.dispatch('patients.update', {
        patientId: p0!.id,
        patient: { firstName: 'Orlena', lastName: 'Vastreck-Hale', email: p0!.email, phone: p0!.phone, dateOfBirth: String(p0!.dateOfBirth).slice(0, 10), gender: p0!.gender },
        acknowledgeDuplicates: true,
      }),
    );
    const mine = (await docs()).filter((d) => d.patientId === p0!.id);
    expect(mine).toHaveLength(3);
    const unsigned = mine.filter((d) => !d.digitalSignature);
    expect(unsigned.map((d) => d.patientName)).toEqual(['Orlena Vastreck-Hale', 'Orlena Vastreck-Hale']);
    expect(unsigned.every((d) => d.currentPatientName === undefined)).toBe(true);
    const signed = mine.find((d) => d.digitalSignature)!;
    expect(signed.patientName).toBe('Orlen Vastreck');
    expect(signed.currentPatientName).toBe('Orlena Vastreck-Hale');
    expect(signed.digitalSignature).toBe('header.payload.signature');
    // B, away meanwhile, finds nothing left to write for this change.
    expect((await pass(b)).documentsWritten).toBe(0);

    // The printout shows the name now, and the signed one under it.
    const pdf = await prescriptionPdf(a.runtime.stores(), doctorSessionUser(seeded.doctor), signed.id);
    const text = execFileSync('pdftotext', ['-', '-'], { input: Buffer.from(pdf.base64, 'base64') }).toString().replace(/\s+/g, ' ');
    expect(text).toContain('Orlena Vastreck-Hale');
    expect(text).toContain('Signed as Orlen Vastreck');
  });

  it('a direct SQL edit of a patient and of a doctor: every copy current after passes on both workstations at once, each document written once per change', async () => {
    const { sql } = a.runtime.stores();
    const [, p1] = seeded.patients;
    await sql.sequelize.query("UPDATE patients SET last_name = 'Quenby' WHERE id = :id", { replacements: { id: p1!.id } });
    await sql.sequelize.query("UPDATE doctors SET first_name = 'Ilsabet' WHERE id = :id", { replacements: { id: seeded.doctor.id } });
    const before = await docs();

    const summaries = await Promise.all([pass(a), pass(b), pass(a)]);
    const written = summaries.reduce((n, s) => n + s.documentsWritten, 0);
    // patient 1: two documents; the doctor: all six (five copies, one display copy beside a signature)
    expect(written).toBe(2 + 6);
    expect(summaries.reduce((n, s) => n + s.people, 0)).toBe(2);

    const after = await docs();
    for (const d of after) {
      expect(d.currentDoctorName ?? d.doctorName).toBe('Dr. Ilsabet Brandwick');
      if (d.patientId === p1!.id) expect(d.patientName).toBe('Pim Quenby');
    }
    const signed = after.find((d) => d.digitalSignature)!;
    expect([signed.patientName, signed.doctorName]).toEqual(['Orlen Vastreck', 'Dr. Ilse Brandwick']);
    expect(signed.currentDoctorName).toBe('Dr. Ilsabet Brandwick');
    // the patient untouched by both changes was written once (the doctor's change)
    const p2doc = (id: string) => [before, after].map((list) => list.find((d) => d.id === id)!.doctorName);
    expect(p2doc(seeded.prescriptions[5]!.id)).toEqual(['Dr. Ilse Brandwick', 'Dr. Ilsabet Brandwick']);

    const claims = await new CopySyncStore(sql).claims();
    expect(claims.every((c) => c.state === 'done')).toBe(true);
    expect(new Set(claims.map((c) => c.claimKey)).size).toBe(claims.length);

    // Idempotent: more passes write nothing and leave every document's stamp alone.
    const again = await Promise.all([pass(a), pass(b)]);
    expect(again.map((s) => s.documentsWritten)).toEqual([0, 0]);
    expect((await docs()).map((d) => d.updatedAt.getTime())).toEqual(after.map((d) => d.updatedAt.getTime()));
  });

  it('a change whose workstation stopped half-way is finished by the next pass after the lease', async () => {
    const { sql } = a.runtime.stores();
    const [, , p2] = seeded.patients;
    await sql.sequelize.query("UPDATE patients SET first_name = 'Tavio' WHERE id = :id", { replacements: { id: p2!.id } });
    const copyStore = new CopySyncStore(sql);
    const [row] = await copyStore.people('patient', [p2!.id]);
    // The claim as a workstation that died right after taking it would have left it.
    // Leases are on the server's clock, which another workstation reads too.
    const orphan = await copyStore.claim(copyClaimKey('patient', p2!.id, row!.updatedAtMs, 'Tavio Murrend'), 'patient', p2!.id, 'desk-gone', (await serverNowMs(sql)) + 60_000);
    expect(orphan).not.toBeNull();

    // Within the lease nobody else writes it.
    const during = await pass(b);
    expect(during.documentsWritten).toBe(0);
    expect(during.skipped).toBe(1);
    expect((await docs()).find((d) => d.patientId === p2!.id)!.patientName).toBe('Tavi Murrend');

    const later = await pass(b, async () => (await serverNowMs(sql)) + 2 * 60_000);
    expect(later).toMatchObject({ resumed: 1, documentsWritten: 1 });
    expect((await docs()).find((d) => d.patientId === p2!.id)!.patientName).toBe('Tavio Murrend');
    const claim = (await copyStore.claims()).find((c) => c.id === orphan!.id)!;
    expect([claim.state, claim.documentsWritten, claim.claimedBy]).toEqual(['done', 1, b.session.workstation]);
  });
});
