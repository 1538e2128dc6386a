import fc from 'fast-check';
import { DEFAULT_GUIDE, asksForFeatures, guideWarnings } from './guide';

describe('interview guide', () => {
  it('starts with open, behaviour-based questions and no feature requests', () => {
    expect(DEFAULT_GUIDE.length).toBeGreaterThanOrEqual(5);
    expect(DEFAULT_GUIDE[0]).toMatch(/^Walk me through your last deployment/);
    expect(DEFAULT_GUIDE.some(q => /most frustrating/.test(q))).toBe(true);
    expect(guideWarnings(DEFAULT_GUIDE)).toEqual([]);
  });

  it.each([
    ['Would you like a faster CI?', true],
    ['What features should the portal have?', true],
    ['Which feature would help you most?', true],
    ['Do you want preview environments?', true],
    ['Should we build a CLI?', true],
    ['What is on your wish list?', true],
    ['What would you add to the scaffolder?', true],
    ['If we built self-service databases, would you use them?', true],
    ['WOULD YOU LIKE dark mode', true],
    ['Walk me through your last deployment.', false],
    ['What was most frustrating about it?', false],
    ['How did you find out the build was broken?', false],
    ['Tell me about a feature flag rollout you did last month.', false],
    ['What did you do when you wanted to skip the tests?', false],
  ])('%p asks for features: %p', (question, expected) => {
    expect(asksForFeatures(question)).toBe(expected);
  });

  it('warns about exactly the feature-request questions, by position', () => {
    expect(
      guideWarnings([
        'Walk me through your last deployment.',
        'What features do you miss?',
        'What happened next?',
        'Would you like faster builds?',
      ]).map(w => w.index),
    ).toEqual([1, 3]);
  });

  it('flags a question whenever "would you like" appears in it', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        expect(asksForFeatures(`${before} would you like ${after}`)).toBe(true);
      }),
    );
  });
});
