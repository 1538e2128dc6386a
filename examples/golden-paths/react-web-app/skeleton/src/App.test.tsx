import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App, APP_NAME, NEXT_STEPS } from './App';

afterEach(cleanup);

describe('App', () => {
  it('shows the app name as the page heading', () => {
    render(<App />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      APP_NAME,
    );
  });

  it('counts the next steps as they are ticked and unticked', () => {
    render(<App />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe(`0 of ${NEXT_STEPS.length} done`);

    const first = screen.getByRole('checkbox', { name: NEXT_STEPS[0] });
    fireEvent.click(first);
    expect((first as HTMLInputElement).checked).toBe(true);
    expect(status.textContent).toBe(`1 of ${NEXT_STEPS.length} done`);

    fireEvent.click(first);
    expect(status.textContent).toBe(`0 of ${NEXT_STEPS.length} done`);
  });
});
