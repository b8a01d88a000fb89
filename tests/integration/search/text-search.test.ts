/**
 * Full-text search on both document stores (SQLite FTS5; on FerretDB the keyword fallback, on a
 * real MongoDB its text index): a word in a clinical note is found for the doctor whose patient
 * it is and never for another doctor; admins find feedback and messages, anonymous feedback
 * without its author; every search is on the audit trail, without the words searched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workstation } from '../../../electron/main/compose';
import { doctorSessionUser } from '../../../electron/main/services/accounts';
import type { FeedbackAndMessageSearchResult, NoteSearchResult } from '../../../shared/ipc/search/types';
import type { SessionUser } from '../../../shared/ipc/types';
import type { TempDir } from '../../support/services';
import { errorCode, expectOk, WORKSTATION_STORES } from '../../support/workstation-stores';
import { createAccounts } from '../auth/accounts-fixture';
import { book, openWorkstation } from '../communications/comms-fixture';
import { MONDAY, seedClinic } from '../scheduling/clinic-fixture';

describe.each(WORKSTATION_STORES)('text search on the $name', (store) => {
  let ws: Workstation;
  let dir: TempDir;
  let cleanup: () => Promise<void>;
  let doctorA: SessionUser;
  let doctorB: SessionUser;
  let admin: SessionUser;
  let patientOfA: number;
  let patientOfB: number;

  beforeAll(async () => {
    const opened = await store.open();
    cleanup = opened.cleanup;
    ({ workstation: ws, dir } = await openWorkstation(opened.env, 'desk-search'));
    const { sql, documents } = ws.runtime.stores();
    const { doctors, patients } = await seedClinic(sql, { doctors: 2, patients: 2 });
    const [dA, dB] = doctors;
    const [p0, p1] = patients;
    doctorA = doctorSessionUser(dA!);
    doctorB = doctorSessionUser(dB!);
    admin = (await createAccounts(sql)).admin.user;
    patientOfA = p0!.id;
    patientOfB = p1!.id;
    const visitA = await book(ws, p0!.id, dA!.id, MONDAY, '09:00');
    const visitB = await book(ws, p1!.id, dB!.id, MONDAY, '10:00');
    const rx = (appointmentId: number, patientId: number, doctorId: number, clinicalNotes: string, medication: string) =>
      documents.prescriptions.insert({
        appointmentId,
        patientId,
        doctorId,
        patientName: 'Generated Patient',
        doctorName: 'Dr. Generated',
        prescriptionDate: new Date('2026-12-07T09:30:00Z'),
        medications: [{ name: medication, dosage: '1 tablet', frequency: 'daily', duration: '10 days', quantity: 10 }],
        diagnosis: 'Upper respiratory complaint',
        clinicalNotes,
      });
    await rx(visitA.id, p0!.id, dA!.id, 'Persistent maxillary sinusitis; review in two weeks.', 'Amoxicillin');
    await rx(visitB.id, p1!.id, dB!.id, 'Acute sinusitis after a cold, no fever.', 'Cetirizine');
    await documents.patientFeedback.insert({ appointmentId: visitA.id, patientId: p0!.id, doctorId: dA!.id, ratings: { overall: 3 }, textReview: 'The parking behind the clinic was hard to find.', anonymous: true });
    await documents.patientFeedback.insert({ appointmentId: visitB.id, patientId: p1!.id, doctorId: dB!.id, ratings: { overall: 5 }, textReview: 'Kind staff.', improvement_suggestions: ['More parking spaces'] });
    await documents.communicationLogs.insert({ type: 'appointment_reminder', patientId: p1!.id, doctorId: dB!.id, appointmentId: visitB.id, communicationMethod: 'email', recipientEmail: 'generated@example.org', subject: 'Your visit on Monday', content: 'Please bring your insurance card.', deliveryStatus: 'sent', sentAt: new Date('2026-12-06T09:00:00Z') });
  }, 120_000);

  afterAll(async () => {
    await ws?.close();
    await cleanup?.();
    dir?.remove();
  });

  const notes = async (user: SessionUser, query: string) => {
    ws.session.signIn(user);
    return expectOk<NoteSearchResult>(await ws.dispatch('search.clinicalNotes', { query }));
  };

  it('finds a word of a clinical note, a medication, and a word start, only among the doctor’s own patients', async () => {
    const a = await notes(doctorA, 'sinusitis');
    expect(a.method).toMatch(store.name.startsWith('networked') ? /^(mongodb-text|keyword-regex)$/ : /^sqlite-fts5$/);
    expect(a.hits.map((h) => h.patientId)).toEqual([patientOfA]);
    expect(a.hits[0]!.excerpt).toContain('maxillary sinusitis');
    expect((await notes(doctorB, 'sinusitis')).hits.map((h) => h.patientId)).toEqual([patientOfB]);
    expect((await notes(doctorA, 'amoxicillin')).hits).toHaveLength(1);
    expect((await notes(doctorB, 'amoxicillin')).hits).toHaveLength(0);
    expect((await notes(doctorA, 'maxillary sinus')).hits).toHaveLength(1);
    expect((await notes(doctorA, 'maxillary fever')).hits).toHaveLength(0);
    // query syntax is text: nothing breaks, nothing extra is found
    expect((await notes(doctorA, '"sinusitis*" ) ^ (')).hits.map((h) => h.patientId)).toEqual([patientOfA]);
  });

  it('admins find feedback and messages; anonymous feedback comes without its author; doctors may not search them', async () => {
    ws.session.signIn(admin);
    const found = expectOk<FeedbackAndMessageSearchResult>(await ws.dispatch('search.feedbackAndMessages', { query: 'parking' }));
    expect(found.feedback).toHaveLength(2);
    const anonymous = found.feedback.find((f) => f.anonymous)!;
    expect(anonymous.patientId).toBeNull();
    expect(found.feedback.find((f) => !f.anonymous)!.patientId).toBe(patientOfB);
    const insurance = expectOk<FeedbackAndMessageSearchResult>(await ws.dispatch('search.feedbackAndMessages', { query: 'insurance' }));
    expect(insurance.messages.map((m) => m.patientId)).toEqual([patientOfB]);
    expect(errorCode(await ws.dispatch('search.clinicalNotes', { query: 'sinusitis' }))).toBe('FORBIDDEN');
    ws.session.signIn(doctorA);
    expect(errorCode(await ws.dispatch('search.feedbackAndMessages', { query: 'parking' }))).toBe('FORBIDDEN');
  });

  it('every search is audited, never with the words searched', async () => {
    // networked: the records go out through the workstation's audit outbox
    await ws.audit.flush();
    const trail = await ws.runtime.stores().documents.systemAuditLogs.find({ action: 'search_clinical_notes' });
    expect(trail.length).toBeGreaterThanOrEqual(7);
    expect(JSON.stringify(trail)).not.toContain('sinusitis');
    expect(await ws.runtime.stores().documents.systemAuditLogs.count({ action: 'search_feedback_and_messages' })).toBeGreaterThanOrEqual(2);
  });
});
