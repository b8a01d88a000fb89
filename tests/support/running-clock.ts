/**
 * A workstation clock (epoch milliseconds) that starts at `startMs` and runs on at the pace of
 * the real one: tests pin the date and hour the app sees while waits and timeouts keep their
 * meaning.
 */
export function clockRunningFrom(startMs: number): () => number {
  const realStartMs = Date.now();
  return () => startMs + (Date.now() - realStartMs);
}
