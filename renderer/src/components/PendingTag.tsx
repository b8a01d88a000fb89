import { isLocalId } from '../../../shared/domain/sync/local-ids';

const WHY: Record<'appointment' | 'patient', string> = {
  appointment: 'Booked on this workstation while the clinic server was away. It waits for the clinic server, and other workstations see it once it is sent.',
  patient: 'Registered on this workstation while the clinic server was away. It waits for the clinic server, and other workstations see it once it is sent.',
};

/** A small mark on a record made offline (its id is still a local one): not on the clinic server yet. */
export function PendingTag({ id, kind }: { id: number; kind: 'appointment' | 'patient' }) {
  if (!isLocalId(id)) return null;
  return (
    <span className="pending-tag" title={WHY[kind]} data-testid="pending-tag">
      Pending
    </span>
  );
}
