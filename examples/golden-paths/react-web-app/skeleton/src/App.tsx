import { useState } from 'react';

/** The app's name, as registered in the catalog. */
export const APP_NAME = '${{ values.name }}';

/** What to do first with a new app; replace the page once they are done. */
export const NEXT_STEPS = [
  'Run the tests with npm test',
  'Replace this page with your first feature',
  'Check the owner and description in catalog-info.yaml',
];

export function App() {
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());

  const toggle = (step: string) =>
    setDone(previous => {
      const next = new Set(previous);
      if (!next.delete(step)) {
        next.add(step);
      }
      return next;
    });

  return (
    <main>
      <h1>{APP_NAME}</h1>
      <section aria-labelledby="next-steps">
        <h2 id="next-steps">Next steps</h2>
        <p role="status">
          {done.size} of {NEXT_STEPS.length} done
        </p>
        <ul>
          {NEXT_STEPS.map(step => (
            <li key={step}>
              <label>
                <input
                  type="checkbox"
                  checked={done.has(step)}
                  onChange={() => toggle(step)}
                />
                {step}
              </label>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
