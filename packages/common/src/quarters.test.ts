import fc from 'fast-check';
import {
  addQuarters,
  isValidQuarter,
  quarterBounds,
  quarterLabel,
  quarterOf,
  quartersBetween,
  upcomingQuarters,
} from './quarters';

describe('quarters', () => {
  it.each([
    ['2026-01-01T00:00:00Z', '2026-Q1'],
    ['2026-03-31T23:59:59.999Z', '2026-Q1'],
    ['2026-04-01T00:00:00Z', '2026-Q2'],
    ['2026-09-30T23:59:59Z', '2026-Q3'],
    ['2026-10-01T00:00:00Z', '2026-Q4'],
    ['2026-12-31T23:59:59Z', '2026-Q4'],
  ])('%s is in %s (UTC)', (iso, key) => {
    expect(quarterOf(new Date(iso))).toBe(key);
  });

  it('steps and spans across years', () => {
    expect(addQuarters('2026-Q4', 1)).toBe('2027-Q1');
    expect(addQuarters('2025-Q1', -1)).toBe('2024-Q4');
    expect(quartersBetween('2025-Q3', '2026-Q2')).toEqual([
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
    ]);
    expect(quartersBetween('2026-Q2', '2026-Q1')).toEqual([]);
    expect(() => addQuarters('2026Q1', 1)).toThrow(/not a quarter/);
  });

  it('round-trips: n quarters after, n before', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2100 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: -200, max: 200 }),
        (year, q, n) => {
          const key = `${year}-Q${q}`;
          expect(addQuarters(addQuarters(key, n), -n)).toBe(key);
          expect(
            quartersBetween(key, addQuarters(key, Math.abs(n))),
          ).toHaveLength(Math.abs(n) + 1);
        },
      ),
    );
  });
});

describe('quarter bounds, labels and ranges', () => {
  it('has the UTC bounds of its quarter, start included, end excluded', () => {
    expect(quarterBounds('2026-Q4')).toEqual({
      key: '2026-Q4',
      label: 'Q4 2026',
      start: new Date('2026-10-01T00:00:00Z'),
      end: new Date('2027-01-01T00:00:00Z'),
    });
    expect(quarterLabel('2027-Q1')).toBe('Q1 2027');
  });

  it.each([
    ['2000-Q1', true],
    ['2100-Q4', true],
    ['1999-Q4', false],
    ['2101-Q1', false],
    ['0000-Q1', false],
    ['9999-Q4', false],
    ['2026-Q5', false],
    ['2026-Q0', false],
    ['x', false],
    [' 2026-Q1', false],
  ])('%s is a quarter Paved accepts: %s', (key, valid) => {
    expect(isValidQuarter(key)).toBe(valid);
  });

  it('names the quarters of the next six months, current first', () => {
    expect(upcomingQuarters(new Date('2026-11-30T12:00:00Z'))).toEqual([
      '2026-Q4',
      '2027-Q1',
      '2027-Q2',
    ]);
    expect(upcomingQuarters(new Date('2026-01-01T00:00:00Z'))).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
    ]);
    expect(upcomingQuarters(new Date('2026-03-31T23:00:00Z'), 3)).toEqual([
      '2026-Q1',
      '2026-Q2',
    ]);
  });

  it('every moment lies within the bounds of its quarter', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2100-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        date => {
          const { start, end } = quarterBounds(quarterOf(date));
          expect(start.getTime()).toBeLessThanOrEqual(date.getTime());
          expect(date.getTime()).toBeLessThan(end.getTime());
        },
      ),
    );
  });
});
