import type { Sequelize } from 'sequelize';

export interface CountedQueries<T> {
  result: T;
  /** Every statement sent, in order, including START TRANSACTION and COMMIT. */
  statements: string[];
  /** Milliseconds each statement took, as Sequelize's `benchmark` option measures them. */
  milliseconds: number[];
}

/**
 * Runs `work` with Sequelize's logging hook (and `benchmark`) switched on, and collects every
 * statement it sends: how benchmarks and tests prove that a service costs the round trips it
 * claims. Anything else running on the same instance meanwhile is counted too.
 */
export async function countQueries<T>(sequelize: Sequelize, work: () => Promise<T>): Promise<CountedQueries<T>> {
  // `options` is public at run time but missing from Sequelize's typings.
  const options = (sequelize as unknown as { options: { logging?: unknown; benchmark?: boolean } }).options;
  const saved = { logging: options.logging, benchmark: options.benchmark };
  const statements: string[] = [];
  const milliseconds: number[] = [];
  options.benchmark = true;
  options.logging = (message: string, timing?: number) => {
    statements.push(message.replace(/^Executed \([^)]*\): /, ''));
    milliseconds.push(timing ?? 0);
  };
  try {
    const result = await work();
    return { result, statements, milliseconds };
  } finally {
    options.logging = saved.logging;
    options.benchmark = saved.benchmark;
  }
}
