import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './source-files';

/**
 * SQL lives in `electron/main/data/sql/repositories/`: a service that runs a statement or asks
 * which dialect it is on is doing a repository's job. The services below still do; each moves
 * its statements into a repository and leaves this list. The list only shrinks: a file that is
 * clean but still listed fails too, so the list stays true.
 */
const STILL_TO_MOVE: readonly string[] = [];

const SERVICES = join(__dirname, '../../../electron/main/services');

/** The code without its comments, so a comment that mentions a dialect is no finding. */
const withoutComments = (source: string): string => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

/** What in a source makes it a repository's job: running a statement, or branching on the dialect. */
export function sqlFindings(source: string): string[] {
  const code = withoutComments(source);
  const findings: string[] = [];
  if (/\.query\s*(<[^>]*>)?\s*\(/.test(code)) findings.push('runs a statement (.query)');
  if (/\.dialect\b|\bdialect\s*[!=]==?/.test(code)) findings.push('branches on the dialect');
  return findings;
}

describe('SQL lives in repositories, not in services', () => {
  const files = sourceFiles(SERVICES).map((path) => ({
    name: relative(SERVICES, path).split('\\').join('/'),
    findings: sqlFindings(readFileSync(path, 'utf8')),
  }));

  it('finds statements and dialect branches, and not mentions in comments', () => {
    expect(sqlFindings("await sql.sequelize.query('SELECT 1');")).toEqual(['runs a statement (.query)']);
    expect(sqlFindings('const [rows] = await db.query<Row[]>(text);')).toEqual(['runs a statement (.query)']);
    expect(sqlFindings("const lock = sql.dialect === 'mysql' ? ' FOR UPDATE' : '';")).toEqual(['branches on the dialect']);
    expect(sqlFindings('// one statement per dialect: query(...) lives in the repository\nconst x = 1;')).toEqual([]);
    expect(sqlFindings('/** dialect-neutral .query() */\nexport const y = 2;')).toEqual([]);
  });

  it('no service outside the shrinking list runs SQL or checks the dialect', () => {
    const offenders = files.filter((f) => f.findings.length > 0 && !STILL_TO_MOVE.includes(f.name));
    expect(offenders.map((f) => `${f.name}: ${f.findings.join(', ')}`)).toEqual([]);
  });

  it('every listed service still needs moving (take it off the list once it is clean)', () => {
    const clean = STILL_TO_MOVE.filter((name) => {
      const file = files.find((f) => f.name === name);
      return !file || file.findings.length === 0;
    });
    expect(clean).toEqual([]);
  });
});
