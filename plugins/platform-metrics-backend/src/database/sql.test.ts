import { pavedTestDatabases } from '@paved/backend-test-utils';
import { insertRows, pgArrayLiteral } from './sql';

const databases = pavedTestDatabases();

const AWKWARD = [
  'plain',
  'with "quotes"',
  'back\\slash',
  'comma, {braces} and }',
  'NULL',
  '',
  ' spaced ',
  'üñíçødé ✓',
];

describe('pgArrayLiteral', () => {
  it('quotes every text, escapes quotes and backslashes, and writes nulls bare', () => {
    expect(pgArrayLiteral(['a"b', 'c\\d', null, 'NULL'], 'text')).toBe(
      '{"a\\"b","c\\\\d",NULL,"NULL"}',
    );
    expect(pgArrayLiteral([1, null, 2_000_000_000_000], 'bigint')).toBe(
      '{1,NULL,2000000000000}',
    );
    expect(pgArrayLiteral([true, false, null], 'boolean')).toBe('{t,f,NULL}');
  });
});

describe.each(databases.eachSupportedId())('insertRows on %p', id => {
  it('stores awkward texts, nulls and large integers exactly', async () => {
    const knex = await databases.init(id);
    await knex.schema.createTable('t', table => {
      table.integer('n').primary();
      table.string('s').nullable();
      table.bigInteger('b').nullable();
      table.boolean('f').nullable();
    });
    const rows = [
      ...AWKWARD.map((s, n) => [n, s, 2 ** 52 + n, n % 2 === 0]),
      [AWKWARD.length, null, null, null],
    ];
    await insertRows(knex, 't', ['n', 's', 'b', 'f'], rows, '', [
      'integer',
      'text',
      'bigint',
      'boolean',
    ]);
    const stored = await knex('t').orderBy('n');
    expect(
      stored.map(r => [
        Number(r.n),
        r.s,
        r.b === null ? null : Number(r.b),
        r.f === null ? null : Boolean(r.f),
      ]),
    ).toEqual(rows);
  });
});
