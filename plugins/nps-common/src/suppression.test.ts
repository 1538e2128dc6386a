import fc from 'fast-check';
import {
  DEFAULT_MIN_COMMENT_GROUP_SIZE,
  DEFAULT_MIN_GROUP_SIZE,
  GroupSize,
  GroupVisibility,
  MIN_GROUP_SIZE_FLOOR,
  effectiveMinGroupSize,
  suppressGroups,
} from './suppression';

describe('effectiveMinGroupSize', () => {
  it('uses the defaults when nothing is configured', () => {
    expect(effectiveMinGroupSize()).toBe(DEFAULT_MIN_GROUP_SIZE);
    expect(DEFAULT_MIN_GROUP_SIZE).toBe(5);
    expect(
      effectiveMinGroupSize(undefined, DEFAULT_MIN_COMMENT_GROUP_SIZE),
    ).toBe(10);
  });

  it.each([3, 4, 8, 25])('accepts %p', configured => {
    expect(effectiveMinGroupSize(configured)).toBe(configured);
    expect(
      effectiveMinGroupSize(configured, DEFAULT_MIN_COMMENT_GROUP_SIZE),
    ).toBe(configured);
  });

  it.each([2, 1, 0, -5, 4.5, NaN, Infinity])('rejects %p', configured => {
    expect(() => effectiveMinGroupSize(configured)).toThrow(RangeError);
  });

  it('never goes below the floor, even through the fallback', () => {
    expect(MIN_GROUP_SIZE_FLOOR).toBe(3);
    expect(() => effectiveMinGroupSize(undefined, 2)).toThrow(RangeError);
  });
});

type Expected = Record<string, 'visible' | 'too-few-answers' | 'complementary'>;

function outcome(result: GroupVisibility[]): Expected {
  return Object.fromEntries(
    result.map(g => [g.key, g.visible ? 'visible' : g.reason!]),
  );
}

function groupsOf(sizes: Record<string, number>): GroupSize[] {
  return Object.entries(sizes).map(([key, n]) => ({ key, n }));
}

describe('suppressGroups', () => {
  it.each<[string, Record<string, number>, number, Expected]>([
    ['no groups', {}, 5, {}],
    [
      'groups at or above the minimum',
      { checkout: 10, payments: 5 },
      5,
      { checkout: 'visible', payments: 'visible' },
    ],
    [
      'one small group, which needs a partner so it cannot be subtracted out',
      { search: 2, checkout: 10, payments: 7 },
      5,
      {
        search: 'too-few-answers',
        checkout: 'visible',
        payments: 'complementary',
      },
    ],
    [
      'two small groups that together are still below the minimum',
      { a: 1, b: 2, c: 6, d: 9 },
      5,
      {
        a: 'too-few-answers',
        b: 'too-few-answers',
        c: 'complementary',
        d: 'visible',
      },
    ],
    [
      'two small groups that together reach the minimum',
      { a: 3, b: 4, c: 6 },
      5,
      { a: 'too-few-answers', b: 'too-few-answers', c: 'visible' },
    ],
    [
      'a tie on size, broken by key',
      { x: 1, b: 8, a: 8 },
      5,
      { x: 'too-few-answers', b: 'visible', a: 'complementary' },
    ],
    [
      'only small groups',
      { a: 1, b: 2 },
      5,
      { a: 'too-few-answers', b: 'too-few-answers' },
    ],
    ['a single small group', { a: 4 }, 5, { a: 'too-few-answers' }],
    [
      'a small group next to a single large one',
      { a: 1, b: 20 },
      5,
      { a: 'too-few-answers', b: 'complementary' },
    ],
    [
      'the larger minimum for comments',
      { a: 9, b: 10, c: 12 },
      DEFAULT_MIN_COMMENT_GROUP_SIZE,
      { a: 'too-few-answers', b: 'complementary', c: 'visible' },
    ],
    [
      'the floor of 3',
      { a: 2, c: 3, b: 3 },
      3,
      { a: 'too-few-answers', b: 'complementary', c: 'visible' },
    ],
  ])('handles %s', (_, sizes, min, expected) => {
    const result = suppressGroups(groupsOf(sizes), min);
    expect(outcome(result)).toEqual(expected);
    expect(result.map(g => g.key)).toEqual(Object.keys(sizes));
    for (const group of result) {
      expect(group.n).toBe(sizes[group.key]);
      expect('reason' in group).toBe(!group.visible);
    }
  });

  it('refuses a minimum below the floor', () => {
    expect(() => suppressGroups(groupsOf({ a: 1, b: 2 }), 2)).toThrow(
      RangeError,
    );
  });

  it.each([
    [
      [
        { key: 'a', n: 0 },
        { key: 'b', n: 9 },
      ],
    ],
    [
      [
        { key: 'a', n: -1 },
        { key: 'b', n: 9 },
      ],
    ],
    [
      [
        { key: 'a', n: 1.5 },
        { key: 'b', n: 9 },
      ],
    ],
    [
      [
        { key: 'a', n: 6 },
        { key: 'a', n: 9 },
      ],
    ],
  ])('rejects malformed groups %p', groups => {
    expect(() => suppressGroups(groups, 5)).toThrow(RangeError);
  });

  const groupsArb = fc.uniqueArray(
    fc.record({
      key: fc.string({ maxLength: 4 }),
      n: fc.integer({ min: 1, max: 30 }),
    }),
    { selector: g => g.key, maxLength: 12 },
  );
  const minArb = fc.integer({ min: MIN_GROUP_SIZE_FLOOR, max: 12 });

  function meetsRule(hidden: GroupSize[], all: GroupSize[], min: number) {
    const hiddenAnswers = hidden.reduce((sum, g) => sum + g.n, 0);
    return (
      hidden.length === 0 ||
      hidden.length === all.length ||
      (hidden.length >= 2 && hiddenAnswers >= min)
    );
  }

  function bySizeThenKey(a: GroupSize, b: GroupSize) {
    if (a.n !== b.n) {
      return a.n - b.n;
    }
    if (a.key === b.key) {
      return 0;
    }
    return a.key < b.key ? -1 : 1;
  }

  it('only shows groups at or above the minimum', () => {
    fc.assert(
      fc.property(groupsArb, minArb, (groups, min) => {
        for (const group of suppressGroups(groups, min)) {
          expect(group.visible).toBe(group.reason === undefined);
          expect(!group.visible || group.n >= min).toBe(true);
          expect(group.reason === 'too-few-answers').toBe(group.n < min);
        }
      }),
    );
  });

  it('hides at least two groups and the minimum number of answers, or everything', () => {
    fc.assert(
      fc.property(groupsArb, minArb, (groups, min) => {
        const hidden = suppressGroups(groups, min).filter(g => !g.visible);
        expect(meetsRule(hidden, groups, min)).toBe(true);
      }),
    );
  });

  it('hides nothing when no group is below the minimum', () => {
    fc.assert(
      fc.property(groupsArb, minArb, (groups, min) => {
        fc.pre(groups.every(g => g.n >= min));
        expect(suppressGroups(groups, min).every(g => g.visible)).toBe(true);
      }),
    );
  });

  it('keeps the input order, keys and sizes', () => {
    fc.assert(
      fc.property(groupsArb, minArb, (groups, min) => {
        const result = suppressGroups(groups, min);
        expect(result.map(({ key, n }) => ({ key, n }))).toEqual(groups);
      }),
    );
  });

  it('does not depend on the input order', () => {
    const shuffled = groupsArb.chain(groups =>
      fc.tuple(
        fc.constant(groups),
        fc.shuffledSubarray(groups, {
          minLength: groups.length,
          maxLength: groups.length,
        }),
      ),
    );
    fc.assert(
      fc.property(shuffled, minArb, ([groups, reordered], min) => {
        expect(outcome(suppressGroups(reordered, min))).toEqual(
          outcome(suppressGroups(groups, min)),
        );
      }),
    );
  });

  it('hides only as many extra groups as needed, smallest first', () => {
    fc.assert(
      fc.property(groupsArb, minArb, (groups, min) => {
        const result = suppressGroups(groups, min);
        const tooFew = result.filter(g => g.reason === 'too-few-answers');
        const extra = result
          .filter(g => g.reason === 'complementary')
          .sort(bySizeThenKey);
        const visible = result.filter(g => g.visible);
        // Each extra group is smaller (or first by key) than any shown group.
        for (const hiddenGroup of extra) {
          for (const shown of visible) {
            expect(bySizeThenKey(hiddenGroup, shown)).toBeLessThan(0);
          }
        }
        const oneFewer = [...tooFew, ...extra.slice(0, -1)];
        expect(extra.length === 0 || !meetsRule(oneFewer, groups, min)).toBe(
          true,
        );
      }),
    );
  });
});
