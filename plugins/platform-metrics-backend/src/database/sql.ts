import { Knex } from 'knex';

// Both databases cap the variables of one statement (SQLite 32766, Postgres
// 65535): rows are written in chunks under the smaller.
const MAX_VARIABLES = 30_000;

/** Rows of a raw query, whichever database answered. */
export function rowsOf<T = any>(result: any): T[] {
  if (Array.isArray(result)) return result as T[];
  return (result?.rows ?? []) as T[];
}

/** Postgres column types, for the one-statement insert from arrays. */
export type PgTypes = readonly string[];

/**
 * Inserts rows, followed by `tail` (an ON CONFLICT clause, a RETURNING list),
 * and returns the rows it returned. On Postgres, given the column types, one
 * statement inserts every row from one array per column (`unnest`): a few
 * parameters instead of tens of thousands. Otherwise, one multi-row VALUES
 * statement per chunk under the variable cap: plain VALUES, unlike knex's
 * SQLite "select … union all" form, has no 500-row limit and parses the same
 * on SQLite and Postgres.
 */
export async function insertRows<T = any>(
  db: Knex | Knex.Transaction,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
  tail = '',
  pgTypes?: PgTypes,
): Promise<T[]> {
  if (rows.length === 0) return [];
  if (pgTypes && String(db.client.config.client).includes('pg')) {
    const arrays = columns.map((_, c) =>
      pgArrayLiteral(
        rows.map(r => r[c]),
        pgTypes[c],
      ),
    );
    const sql = `insert into ${table} (${columns.join(', ')})
      select * from unnest(${pgTypes
        .map(t => `?::${t}[]`)
        .join(', ')}) ${tail}`;
    return rowsOf<T>(await db.raw(sql, arrays as unknown as Knex.RawBinding[]));
  }
  const out: T[] = [];
  const size = Math.max(1, Math.floor(MAX_VARIABLES / columns.length));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    const sql = `insert into ${table} (${columns.join(', ')}) values ${chunk
      .map(() => tuple)
      .join(', ')} ${tail}`;
    out.push(
      ...rowsOf<T>(await db.raw(sql, chunk.flat() as Knex.RawBinding[])),
    );
  }
  return out;
}

/**
 * A Postgres array literal ("{1,2,NULL}", "{\"a\",NULL}") of one column's
 * values, written in one pass: the driver's generic array serialisation
 * (a function call and a regular expression per element) cost more CPU than
 * the insert itself at 5,000-row batches.
 */
export function pgArrayLiteral(
  values: readonly unknown[],
  type: string,
): string {
  let literal = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) literal += ',';
    if (v === null || v === undefined) literal += 'NULL';
    else if (type === 'boolean') literal += v ? 't' : 'f';
    else if (type === 'text') {
      const text = String(v);
      literal +=
        text.includes('"') || text.includes('\\')
          ? `"${text.replace(/["\\]/g, '\\$&')}"`
          : `"${text}"`;
    } else literal += String(v);
  }
  return `${literal}}`;
}

/** Runs `fn` over `items` in chunks (for IN lists under the variable cap), collecting results. */
export async function inChunks<I, T>(
  items: readonly I[],
  size: number,
  fn: (chunk: I[]) => Promise<T[] | void>,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < items.length; i += size) {
    const result = await fn(items.slice(i, i + size));
    if (result) out.push(...result);
  }
  return out;
}

/** A database number (Postgres returns bigint and numeric as text) as a JS number, or null. */
export function num(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  return Number(value);
}

/**
 * The median of `x` per group `g` over the rows of `inner` (columns g, x): the
 * middle value, or the mean of the two middle values. Postgres has
 * percentile_cont, which computes exactly that with one sort; SQLite has no
 * percentile function, so there the rows are numbered by x within their
 * group and the one or two middle rows averaged.
 */
export function medianSql(inner: string, dialect: 'pg' | 'sqlite'): string {
  if (dialect === 'pg') {
    return `select g, percentile_cont(0.5) within group (order by x) as median, count(*) as n
    from (${inner}) v group by g`;
  }
  return `select g, avg(x) as median, max(cnt) as n from (
    select g, x,
      row_number() over (partition by g order by x) as rn,
      count(*) over (partition by g) as cnt
    from (${inner}) v
  ) r
  where rn in ((cnt + 1) / 2, (cnt + 2) / 2)
  group by g`;
}
