import type { Prescription } from '../../../../shared/documents';
import {
  copiesPatch,
  copyClaimKey,
  doctorDisplayName,
  patientDisplayName,
  type CurrentNames,
} from '../../../../shared/domain/integration/copied-names';
import type { DocumentStore } from '../../data/documents/document-store';
import { CopySyncStore, type CopiedEntity, type CopyCursor, type PersonRow } from '../../data/sql/consistency/copy-sync-store';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { serverNowMs } from '../../data/sql/repositories/server-clock-repository';

/**
 * Keeps the names documents copy from the relational rows current (the seed's "scheduled sync
 * jobs update denormalized data"). Two ways in, one mechanism:
 * - at once, by the workstation that changed a patient or a doctor (`syncPersonCopies`);
 * - by the scheduled pass on every workstation (`runCopySyncPass`), which reads patients and
 *   doctors stamped since the shared cursor, so changes made elsewhere (another workstation, an
 *   offline replay, a direct SQL edit) are caught too.
 * Each change of a person is claimed before anything is written (copy_sync_claims, UNIQUE key, as
 * the reminders claim their messages): exactly one workstation rewrites the copies. Only documents
 * whose copies differ are written, so running again writes nothing. Today only prescriptions carry
 * copies; feedback, messages and the audit trail reference people by id (the audit trail is
 * history and is never rewritten).
 */

export interface CopySyncDeps {
  sql: SqlStore;
  documents: DocumentStore;
  workstation: string;
  /**
   * The clinic server's time in ms, for leases: another workstation judges whether a lease ran
   * out, so it is never this workstation's clock. The database's clock unless a test moves it.
   */
  serverNowMs?: () => Promise<number>;
}

export interface CopySyncSummary {
  /** People whose copies were out of date and who this workstation claimed. */
  people: number;
  documentsWritten: number;
  /** Changes another workstation had claimed first. */
  skipped: number;
  /** Claims taken over from a workstation that stopped half-way. */
  resumed: number;
}

const LEASE_MS = 10 * 60_000;
/** Changes may commit a little after their updated_at: the pass looks back this far. */
const CURSOR_OVERLAP_MS = 5 * 60_000;
const PEOPLE_PAGE = 500;
const ID_CHUNK = 200;
const DOCUMENT_PAGE = 500;

const FIELD: Record<CopiedEntity, 'patientId' | 'doctorId'> = { patient: 'patientId', doctor: 'doctorId' };

export const nameOf = (entity: CopiedEntity, person: PersonRow): string =>
  entity === 'patient' ? patientDisplayName(person) : doctorDisplayName(person);

const namesNow = (entity: CopiedEntity, name: string): CurrentNames => (entity === 'patient' ? { patientName: name } : { doctorName: name });

const leaseNow = (deps: CopySyncDeps): Promise<number> => (deps.serverNowMs ?? (() => serverNowMs(deps.sql)))();

const emptySummary = (): CopySyncSummary => ({ people: 0, documentsWritten: 0, skipped: 0, resumed: 0 });

function add(into: CopySyncSummary, more: CopySyncSummary): CopySyncSummary {
  into.people += more.people;
  into.documentsWritten += more.documentsWritten;
  into.skipped += more.skipped;
  into.resumed += more.resumed;
  return into;
}

/** Prescriptions of these people whose copies differ from their names now, by person. */
export async function staleCopies(
  documents: DocumentStore,
  entity: CopiedEntity,
  people: readonly PersonRow[],
): Promise<Map<number, Prescription[]>> {
  const stale = new Map<number, Prescription[]>();
  const names = new Map(people.map((p) => [p.id, nameOf(entity, p)]));
  const field = FIELD[entity];
  for (let i = 0; i < people.length; i += ID_CHUNK) {
    const ids = people.slice(i, i + ID_CHUNK).map((p) => p.id);
    for (let skip = 0; ; skip += DOCUMENT_PAGE) {
      const page = await documents.prescriptions.find({ [field]: { $in: ids } }, { sort: { prescriptionDate: 'asc' }, limit: DOCUMENT_PAGE, skip });
      for (const doc of page) {
        const personId = doc[field];
        if (copiesPatch(doc, namesNow(entity, names.get(personId)!)) === null) continue;
        stale.set(personId, [...(stale.get(personId) ?? []), doc]);
      }
      if (page.length < DOCUMENT_PAGE) break;
    }
  }
  return stale;
}

/**
 * Writes one person's names into their documents. Each document is read again just before its
 * write, so a prescription signed meanwhile gets the display copy rather than a changed signed name.
 */
export async function writeCopies(documents: DocumentStore, entity: CopiedEntity, person: PersonRow, docs: readonly Prescription[]): Promise<number> {
  const now = namesNow(entity, nameOf(entity, person));
  let written = 0;
  for (const { id } of docs) {
    const fresh = await documents.prescriptions.findById(id);
    const patch = fresh && copiesPatch(fresh, now);
    if (!patch) continue;
    await documents.prescriptions.update(id, patch);
    written++;
  }
  return written;
}

async function syncPeople(deps: CopySyncDeps, store: CopySyncStore, entity: CopiedEntity, people: readonly PersonRow[]): Promise<CopySyncSummary> {
  const summary = emptySummary();
  const stale = await staleCopies(deps.documents, entity, people);
  for (const person of people) {
    const docs = stale.get(person.id);
    if (!docs) continue;
    const key = copyClaimKey(entity, person.id, person.updatedAtMs, nameOf(entity, person));
    const claim = await store.claim(key, entity, person.id, deps.workstation, (await leaseNow(deps)) + LEASE_MS);
    if (!claim) {
      summary.skipped++;
      continue;
    }
    try {
      const written = await writeCopies(deps.documents, entity, person, docs);
      await store.finish(claim, written);
      summary.people++;
      summary.documentsWritten += written;
    } catch (error) {
      // The document store went away half-way: give the change back for the next pass.
      await store.release(claim).catch(() => undefined);
      throw error;
    }
  }
  return summary;
}

/** The workstation that changed a person brings their copies up to date at once. */
export async function syncPersonCopies(deps: CopySyncDeps, entity: CopiedEntity, id: number): Promise<CopySyncSummary> {
  const store = new CopySyncStore(deps.sql);
  return syncPeople(deps, store, entity, await store.people(entity, [id]));
}

/** Claims whose workstation stopped half-way: the person's copies are finished from their row as it is now. */
async function resumeExpired(deps: CopySyncDeps, store: CopySyncStore): Promise<CopySyncSummary> {
  const summary = emptySummary();
  const now = await leaseNow(deps);
  const taken = await store.takeOverExpired(now, deps.workstation, now + LEASE_MS);
  for (const claim of taken) {
    const [person] = await store.people(claim.entity, [claim.entityId]);
    let written = 0;
    if (person) {
      const docs = (await staleCopies(deps.documents, claim.entity, [person])).get(person.id) ?? [];
      written = await writeCopies(deps.documents, claim.entity, person, docs);
    }
    await store.finish(claim, written);
    summary.resumed++;
    summary.documentsWritten += written;
  }
  return summary;
}

/**
 * One scheduled pass: interrupted claims first, then patients and doctors stamped since the
 * shared cursor (minus an overlap), a page at a time; the cursor moves after each page, so a pass
 * cut short resumes where it stopped.
 */
export async function runCopySyncPass(deps: CopySyncDeps): Promise<CopySyncSummary> {
  const store = new CopySyncStore(deps.sql);
  const summary = await resumeExpired(deps, store);
  for (const entity of ['patient', 'doctor'] as const) {
    const cursor = await store.readCursor(entity);
    let after: CopyCursor = cursor ? { ms: cursor.ms - CURSOR_OVERLAP_MS, id: 0 } : { ms: 0, id: 0 };
    for (;;) {
      const page = await store.changedSince(entity, after, PEOPLE_PAGE);
      if (page.length === 0) break;
      add(summary, await syncPeople(deps, store, entity, page));
      const last = page[page.length - 1]!;
      after = { ms: last.updatedAtMs, id: last.id };
      await store.advanceCursor(entity, after);
      if (page.length < PEOPLE_PAGE) break;
    }
  }
  return summary;
}
