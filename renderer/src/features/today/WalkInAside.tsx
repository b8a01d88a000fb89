import { WalkInQueuePanel } from '../walk-in/WalkInQueuePanel';

/** The walk-in queue beside today's timed appointments (the reception feature's panel). */
export function WalkInAside({ zone }: { zone: string }) {
  return (
    <aside className="flow-aside" aria-label="Walk-ins">
      <WalkInQueuePanel zone={zone} />
    </aside>
  );
}
