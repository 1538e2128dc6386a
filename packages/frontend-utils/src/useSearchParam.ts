import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * One value of the page's address (`?name=value`) as state: every view, tab and
 * filter kept there is linkable and survives a reload. An empty value removes
 * the parameter; changes replace the history entry rather than add one.
 */
export function useSearchParam(
  name: string,
): [string, (value: string) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get(name) ?? '';
  const set = useCallback(
    (next: string) =>
      setParams(
        current => {
          const updated = new URLSearchParams(current);
          if (next) updated.set(name, next);
          else updated.delete(name);
          return updated;
        },
        { replace: true },
      ),
    [name, setParams],
  );
  return [value, set];
}
