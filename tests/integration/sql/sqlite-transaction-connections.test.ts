import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForeignKeyConstraintError, type Transaction } from 'sequelize';
import { patientValues } from './fixtures';
import { openTestStore, SQL_TARGETS } from './stores';

const sqlite = SQL_TARGETS.find((t) => t.dialect === 'sqlite')!;
const connectionOf = (transaction: Transaction) => (transaction as unknown as { connection: object }).connection;

describe('SQLite transactions reuse their connection', () => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  beforeAll(async () => {
    store = await openTestStore(sqlite);
  });
  afterAll(async () => store?.dispose());

  it('hands a finished transaction\'s connection to the next one instead of opening the file again', async () => {
    const first = await store.sequelize.transaction(async (t) => connectionOf(t));
    const second = await store.sequelize.transaction(async (t) => connectionOf(t));
    expect(second).toBe(first);
    // two at once: the second gets a connection of its own
    const [a, b] = await Promise.all([
      store.sequelize.transaction(async (t) => connectionOf(t)),
      store.sequelize.transaction(async (t) => connectionOf(t)),
    ]);
    expect(a).not.toBe(b);
  });

  it('keeps the pragmas on a reused connection: foreign keys are still enforced', async () => {
    await store.sequelize.transaction(async () => undefined);
    let failure: unknown;
    try {
      await store.sequelize.transaction(async (transaction) => {
        await store.models.Appointment.create({ patientId: 999_999, doctorId: 999_999, appointmentDate: '2026-12-07', appointmentTime: '09:00' }, { transaction });
      });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ForeignKeyConstraintError);
    // and a rolled-back transaction leaves the connection clean for the next
    const patient = await store.sequelize.transaction(async (transaction) => store.models.Patient.create(patientValues(), { transaction }));
    expect(await store.models.Patient.findByPk(patient.id)).not.toBeNull();
  });
});
