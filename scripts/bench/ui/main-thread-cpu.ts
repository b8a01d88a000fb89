/**
 * The page's main-thread CPU time between two Performance marks, from a Chromium trace
 * (`browser.startTracing` with `devtools.timeline`, its disabled-by-default part, and `blink.user_timing`).
 * Wall-clock timings on a shared, loaded machine mostly measure the other processes; the CPU the
 * page's own thread spent from a date change to the painted day moves much less with the load.
 */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export function mainThreadCpuBetween(trace: Buffer, startMark: string, endMark: string): number[] {
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return [];
  const marks = events
    .filter((e) => e.pid === main.pid && (e.name === startMark || e.name === endMark))
    .sort((a, b) => a.ts - b.ts);
  const tasks = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'RunTask');
  const windows: number[] = [];
  let start: number | null = null;
  for (const mark of marks) {
    if (mark.name === startMark) start = mark.ts;
    else if (start !== null) {
      const from = start;
      const to = mark.ts;
      // Thread time of the tasks that ran in the window (a task straddling an edge counts in part).
      const cpu = tasks.reduce((sum, task) => {
        const end = task.ts + (task.dur ?? 0);
        if (end <= from || task.ts >= to || !task.dur) return sum;
        const share = (Math.min(end, to) - Math.max(task.ts, from)) / task.dur;
        return sum + (task.tdur ?? 0) * share;
      }, 0);
      windows.push(cpu / 1000);
      start = null;
    }
  }
  return windows;
}
