import { screen, within } from '@testing-library/react';
import {
  fakeGoldenPathsApi,
  makePath,
  renderGoldenPaths,
} from '../../__testUtils__/fixtures';
import { PathCard } from './PathCard';

async function renderCard(path = makePath()) {
  await renderGoldenPaths(<PathCard goldenPath={path} />, {
    api: fakeGoldenPathsApi([path]),
  });
  return screen.findByRole('article', { name: path.title });
}

function fact(card: HTMLElement, term: string): string | null {
  const dt = within(card)
    .getAllByRole('term')
    .find(el => el.textContent === term);
  return dt?.nextElementSibling?.textContent ?? null;
}

describe('PathCard', () => {
  it('shows every field of a golden path', async () => {
    const card = await renderCard();
    expect(card).toHaveTextContent(
      'A Node.js service with CI, deployment and dashboards',
    );
    expect(within(card).getByText('production')).toBeInTheDocument();
    const tags = within(card).getByRole('list', { name: 'Tags' });
    expect(
      within(tags)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual(['typescript', 'recommended']);
    expect(
      within(card).getByRole('link', { name: 'platform-team' }),
    ).toHaveAttribute('href', '/catalog/default/group/platform-team');
    expect(fact(card, 'Version')).toBe('1.3.0');
    expect(fact(card, 'Services created')).toBe('12 services');
    expect(fact(card, 'Runs')).toBe('94% of 48 runs succeeded');
    expect(fact(card, 'Median run time')).toBe('1 min 20 s');
    expect(fact(card, 'Time saved')).toBe('about 6 hours per service');
  });

  it('links "Use this path" to the template in the Scaffolder and the guide to the path page', async () => {
    const card = await renderCard(
      makePath({ namespace: 'payments', name: 'java-service', title: 'Java' }),
    );
    const use = within(card).getByRole('link', { name: 'Use this path' });
    expect(use).toHaveAttribute(
      'href',
      '/create/templates/payments/java-service',
    );
    expect(use).toHaveAccessibleDescription('Java');
    expect(
      within(card).getByRole('link', { name: 'Guide and services' }),
    ).toHaveAttribute('href', '/golden-paths/payments/java-service');
  });

  it('says "No runs yet" and leaves out what is unknown', async () => {
    const card = await renderCard(
      makePath({
        version: null,
        timeSaved: 'six hours',
        tags: [],
        servicesCreated: 1,
        runs: {
          total: 0,
          completed: 0,
          failed: 0,
          successRate: null,
          medianDurationMs: null,
        },
      }),
    );
    expect(fact(card, 'Runs')).toBe('No runs yet');
    expect(fact(card, 'Version')).toBe('Not versioned');
    expect(fact(card, 'Services created')).toBe('1 service');
    expect(fact(card, 'Median run time')).toBeNull();
    expect(fact(card, 'Time saved')).toBeNull();
    expect(within(card).queryByRole('list', { name: 'Tags' })).toBeNull();
  });
});
