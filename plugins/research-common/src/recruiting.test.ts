import fc from 'fast-check';
import {
  RecruitablePerson,
  isResting,
  proposeCandidates,
  tenureOf,
} from './recruiting';

const TODAY = new Date('2026-11-30T12:00:00Z');
const NEW = '2026-09-01'; // three months ago
const OLD = '2021-03-15';

const person = (
  name: string,
  team: string | null,
  startDate: string | null,
  extra: Partial<RecruitablePerson> = {},
): RecruitablePerson => ({
  userRef: `user:default/${name}`,
  teamRef: team ? `group:default/${team}` : null,
  startDate,
  volunteer: false,
  lastInterviewed: null,
  ...extra,
});

const names = (proposal: ReturnType<typeof proposeCandidates>) =>
  proposal.candidates.map(c => c.userRef.replace('user:default/', '')).sort();

const count = <T>(items: T[], key: (t: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) {
    counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  }
  return counts;
};

describe('tenure and rest', () => {
  it.each([
    ['2026-09-01', 'new-joiner'],
    ['2026-06-01', 'new-joiner'],
    ['2026-05-30', 'long-standing'],
    ['2019-01-01', 'long-standing'],
    ['2027-01-04', 'new-joiner'], // starts soon
    [null, 'unknown'],
    ['next spring', 'unknown'],
    ['2026-13-45', 'unknown'],
  ])('a start on %p is %p on 2026-11-30', (start, tenure) => {
    expect(tenureOf(start, TODAY)).toBe(tenure);
  });

  it.each([
    [null, false],
    ['2026-Q4', true], // this quarter's study already had them
    ['2026-Q3', true],
    ['2026-Q2', true],
    ['2026-Q1', false],
    ['2025-Q4', false],
  ])('interviewed last in %p rests from a 2026-Q4 study: %p', (last, rests) => {
    expect(isResting(last, '2026-Q4')).toBe(rests);
  });
});

describe('balanced recruiting, by example', () => {
  it('spreads eight places over four teams, half new joiners', () => {
    const people = ['checkout', 'fleet', 'routing', 'data'].flatMap(team => [
      person(`${team}-new-1`, team, NEW),
      person(`${team}-new-2`, team, NEW),
      person(`${team}-old-1`, team, OLD),
      person(`${team}-old-2`, team, OLD),
    ]);
    const proposal = proposeCandidates({
      people,
      quarter: '2026-Q4',
      goal: 8,
      today: TODAY,
    });
    expect(proposal.candidates).toHaveLength(8);
    expect([...count(proposal.candidates, c => c.teamRef!).values()]).toEqual([
      2, 2, 2, 2,
    ]);
    expect(count(proposal.candidates, c => c.tenure)).toEqual(
      new Map([
        ['new-joiner', 4],
        ['long-standing', 4],
      ]),
    );
  });

  it.each([
    {
      name: 'leaves out people interviewed in the last two quarters',
      people: [
        person('ada', 'checkout', OLD, { lastInterviewed: '2026-Q3' }),
        person('ben', 'checkout', OLD, { lastInterviewed: '2026-Q2' }),
        person('cho', 'checkout', OLD, { lastInterviewed: '2026-Q1' }),
        person('dev', 'fleet', NEW),
      ],
      goal: 6,
      expected: ['cho', 'dev'],
      resting: 2,
    },
    {
      name: 'prefers volunteers within a team',
      people: [
        person('ann', 'checkout', OLD),
        person('bob', 'checkout', OLD, { volunteer: true }),
        person('cid', 'fleet', OLD),
        person('dan', 'fleet', OLD, { volunteer: true }),
      ],
      goal: 2,
      expected: ['bob', 'dan'],
      resting: 0,
    },
    {
      name: 'never proposes someone twice, nor someone already invited',
      people: [
        person('eve', 'routing', NEW),
        person('eve', 'routing', NEW),
        person('fay', 'routing', OLD),
        person('gus', 'data', OLD),
      ],
      invited: ['user:default/gus'],
      goal: 6,
      expected: ['eve', 'fay'],
      resting: 0,
    },
    {
      name: 'spreads over teams first, even to someone of unknown tenure',
      people: [
        person('ann', 'checkout', NEW),
        person('ben', 'checkout', NEW, { volunteer: true }),
        person('cid', 'fleet', null),
      ],
      goal: 2,
      expected: ['ben', 'cid'],
      resting: 0,
    },
    {
      name: 'within a team, takes people of unknown tenure last',
      people: [
        person('max', 'checkout', OLD),
        person('ned', 'checkout', null, { volunteer: true }),
      ],
      goal: 1,
      expected: ['max'],
      resting: 0,
    },
    {
      name: 'proposes nobody when nobody is eligible',
      people: [person('pat', 'data', OLD, { lastInterviewed: '2026-Q4' })],
      goal: 8,
      expected: [],
      resting: 1,
    },
  ])('$name', ({ people, goal, expected, resting, invited }) => {
    const proposal = proposeCandidates({
      people,
      quarter: '2026-Q4',
      goal,
      today: TODAY,
      alreadyInvited: invited,
    });
    expect(names(proposal)).toEqual(expected);
    expect(proposal.resting).toBe(resting);
  });

  it('takes one person per team before a second from any team', () => {
    const people = [
      person('a1', 'big', OLD),
      person('a2', 'big', OLD),
      person('a3', 'big', OLD),
      person('a4', 'big', NEW),
      person('a5', 'big', NEW),
      person('b1', 'small', OLD),
      person('c1', 'tiny', NEW),
    ];
    const proposal = proposeCandidates({
      people,
      quarter: '2026-Q4',
      goal: 3,
      today: TODAY,
    });
    expect(count(proposal.candidates, c => c.teamRef!).size).toBe(3);
  });
});

// A generated organisation: people spread over a few teams with mixed tenure.
const organisation = fc
  .uniqueArray(
    fc.record({
      name: fc.stringMatching(/^[a-z]{2,8}$/),
      team: fc.constantFrom('checkout', 'fleet', 'routing', 'data', null),
      start: fc.constantFrom(NEW, OLD, '2026-07-15', null),
      volunteer: fc.boolean(),
      last: fc.constantFrom(null, '2026-Q4', '2026-Q3', '2026-Q1', '2025-Q2'),
    }),
    { selector: p => p.name, maxLength: 40 },
  )
  .map(rows =>
    rows.map(r =>
      person(r.name, r.team, r.start, {
        volunteer: r.volunteer,
        lastInterviewed: r.last,
      }),
    ),
  );

describe('balanced recruiting, as properties', () => {
  it('proposes min(goal, eligible) distinct, eligible people', () => {
    fc.assert(
      fc.property(
        organisation,
        fc.integer({ min: 6, max: 10 }),
        (people, goal) => {
          const proposal = proposeCandidates({
            people,
            quarter: '2026-Q4',
            goal,
            today: TODAY,
          });
          const eligible = people.filter(
            p => !isResting(p.lastInterviewed, '2026-Q4'),
          );
          expect(proposal.eligible).toBe(eligible.length);
          expect(proposal.candidates).toHaveLength(
            Math.min(goal, eligible.length),
          );
          const refs = proposal.candidates.map(c => c.userRef);
          expect(new Set(refs).size).toBe(refs.length);
          for (const ref of refs) {
            expect(eligible.some(p => p.userRef === ref)).toBe(true);
          }
        },
      ),
    );
  });

  it('never gives a team another place while a team with people left has fewer', () => {
    fc.assert(
      fc.property(
        organisation,
        fc.integer({ min: 6, max: 10 }),
        (people, goal) => {
          const { candidates } = proposeCandidates({
            people,
            quarter: '2026-Q4',
            goal,
            today: TODAY,
          });
          const chosen = new Set(candidates.map(c => c.userRef));
          const perTeam = count(candidates, c => c.teamRef ?? '');
          const most = Math.max(0, ...perTeam.values());
          for (const p of people) {
            if (
              chosen.has(p.userRef) ||
              isResting(p.lastInterviewed, '2026-Q4')
            ) {
              continue;
            }
            // p was left out: their team already has at least most - 1 places.
            expect(perTeam.get(p.teamRef ?? '') ?? 0).toBeGreaterThanOrEqual(
              most - 1,
            );
          }
        },
      ),
    );
  });

  it('within a team and tenure, takes every volunteer before anyone else', () => {
    fc.assert(
      fc.property(
        organisation,
        fc.integer({ min: 6, max: 10 }),
        (people, goal) => {
          const { candidates } = proposeCandidates({
            people,
            quarter: '2026-Q4',
            goal,
            today: TODAY,
          });
          const chosen = new Set(candidates.map(c => c.userRef));
          for (const c of candidates.filter(x => !x.volunteer)) {
            const passedOver = people.filter(
              p =>
                p.volunteer &&
                !chosen.has(p.userRef) &&
                p.teamRef === c.teamRef &&
                tenureOf(p.startDate, TODAY) === c.tenure &&
                !isResting(p.lastInterviewed, '2026-Q4'),
            );
            expect(passedOver).toEqual([]);
          }
        },
      ),
    );
  });

  it('with plenty of people, team sizes differ by at most one and half are new joiners', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), {
          minLength: 1,
        }),
        fc.integer({ min: 6, max: 10 }),
        (teams, goal) => {
          const people = teams.flatMap(team =>
            Array.from({ length: 10 }, (_, i) =>
              person(`${team}${i}`, team, i % 2 ? NEW : OLD),
            ),
          );
          const { candidates } = proposeCandidates({
            people,
            quarter: '2026-Q4',
            goal,
            today: TODAY,
          });
          const sizes = teams.map(
            t =>
              candidates.filter(c => c.teamRef === `group:default/${t}`).length,
          );
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(
            1,
          );
          expect(
            candidates.filter(c => c.tenure === 'new-joiner'),
          ).toHaveLength(Math.floor(goal / 2));
        },
      ),
    );
  });

  it('does not depend on the order the catalog lists people in', () => {
    fc.assert(
      fc.property(
        organisation.chain(people =>
          fc.tuple(
            fc.constant(people),
            fc.shuffledSubarray(people, {
              minLength: people.length,
              maxLength: people.length,
            }),
          ),
        ),
        ([people, shuffled]) => {
          const a = proposeCandidates({
            people,
            quarter: '2026-Q4',
            goal: 8,
            today: TODAY,
          });
          const b = proposeCandidates({
            people: shuffled,
            quarter: '2026-Q4',
            goal: 8,
            today: TODAY,
          });
          expect(b).toEqual(a);
        },
      ),
    );
  });
});
