/**
 * The walk-in queue beside today's timed appointments: the reception feature's queue panel.
 * Renders nothing until that panel is merged in.
 */
export function WalkInAside() {
  return null;
}
