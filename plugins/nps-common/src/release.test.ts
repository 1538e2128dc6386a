import fc from 'fast-check';
import { answersToRelease } from './release';
import { npsWarning } from './warning';
import { summarizeNps } from './nps';

describe('answersToRelease', () => {
  it.each([
    // waiting, k, open, released
    [0, 5, true, 0],
    [1, 5, true, 0],
    [9, 5, true, 0],
    [10, 5, true, 5],
    [11, 5, true, 6],
    [23, 5, true, 18],
    [19, 10, true, 0],
    [20, 10, true, 10],
    [0, 5, false, 0],
    [1, 5, false, 1],
    [9, 5, false, 9],
    [3, 3, true, 0],
    [6, 3, true, 3],
  ])('%p waiting, k = %p, open %p: publish %p', (waiting, k, open, count) => {
    expect(answersToRelease(waiting, k, open)).toBe(count);
  });

  it('refuses nonsense', () => {
    expect(() => answersToRelease(-1, 5, true)).toThrow(RangeError);
    expect(() => answersToRelease(2.5, 5, true)).toThrow(RangeError);
    expect(() => answersToRelease(3, 0, true)).toThrow(RangeError);
  });

  // Answers arrive one by one; the job runs at arbitrary moments; the campaign
  // closes at the end. Every visible change is 0 or at least k, and the final
  // count is every answer.
  it('only ever moves a group by at least k, and counts everything at close', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 10 }),
        fc.array(fc.boolean(), { maxLength: 200 }),
        (k, steps) => {
          let waiting = 0;
          let published = 0;
          let answers = 0;
          const moves: number[] = [];
          const keptBack: boolean[] = [];
          const release = (open: boolean) => {
            const count = answersToRelease(waiting, k, open);
            waiting -= count;
            published += count;
            moves.push(count);
          };
          for (const answer of steps) {
            if (answer) {
              waiting += 1;
              answers += 1;
            } else {
              release(true);
              // After a release on an open campaign, exactly k stay back (or none moved).
              keptBack.push(waiting === k || moves[moves.length - 1] === 0);
            }
          }
          release(false);
          expect(keptBack.every(Boolean)).toBe(true);
          expect(published).toBe(answers);
          expect(waiting).toBe(0);
          // Every move before the close is 0 or at least k; so is the close,
          // unless nothing at all was published before it.
          const beforeClose = moves.slice(0, -1).filter(m => m > 0);
          const close = moves[moves.length - 1];
          expect(beforeClose.every(m => m >= k)).toBe(true);
          expect(close === 0 || close >= k || beforeClose.length === 0).toBe(
            true,
          );
        },
      ),
    );
  });
});

describe('npsWarning', () => {
  const summary = (p: number, a: number, d: number) =>
    summarizeNps({ promoters: p, passives: a, detractors: d })!;

  it('warns on the exact NPS below the threshold, and says whether it is certain', () => {
    // exact +20 is not below +20
    expect(npsWarning(summary(4, 4, 2), 20)).toBeNull();
    // exact +19.5 (shown +20, rounded) is below +20
    const warning = npsWarning(summary(79, 81, 40), 20);
    expect(warning).toMatchObject({ threshold: 20, nps: 20, certain: false });
    // -50 with an interval wholly below +20
    expect(npsWarning(summary(0, 50, 50), 20)).toMatchObject({
      certain: true,
    });
    expect(npsWarning(null, 20)).toBeNull();
  });
});
