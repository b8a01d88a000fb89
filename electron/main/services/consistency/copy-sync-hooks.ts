import type { CopiedEntity } from '../../data/sql/consistency/copy-sync-store';
import type { AppRuntime } from '../../runtime/app-runtime';
import { syncPersonCopies } from './copy-sync';

/** The stores the copies are kept in. */
export type CopySyncRuntime = Pick<AppRuntime, 'stores'>;

/**
 * After a change of a patient or a doctor has committed: their copies in documents follow at once.
 * A failure here (the document server away) never undoes or fails the change itself; the
 * scheduled pass, on any workstation, finishes the work from the row's updated_at.
 */
export async function afterPersonChanged(runtime: CopySyncRuntime, workstation: string, entity: CopiedEntity, id: number): Promise<void> {
  try {
    const { sql, documents } = runtime.stores();
    await syncPersonCopies({ sql, documents, workstation }, entity, id);
  } catch (error) {
    console.error(`[clinic-desk] copy sync after a change failed: ${error instanceof Error ? error.name : typeof error}`);
  }
}
