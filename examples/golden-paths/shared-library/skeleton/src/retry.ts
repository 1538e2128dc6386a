/** How {@link retry} spaces out and limits its attempts. */
export interface RetryOptions {
  /** Attempts in total, the first one included. Default 3. */
  attempts?: number;
  /** Wait before the first retry, in milliseconds; it doubles after each. Default 100. */
  initialDelayMs?: number;
  /** Longest wait between two attempts, in milliseconds. Default 5000. */
  maxDelayMs?: number;
  /** Whether an error is worth another attempt. Default: every error is. */
  shouldRetry?: (error: unknown, attempt: number) => boolean;
  /** Stops retrying (and waiting) when aborted. */
  signal?: AbortSignal;
}

/**
 * The wait before retry number `retryNumber` (1 for the first retry):
 * `initialDelayMs`, doubled for each retry after the first, capped at `maxDelayMs`.
 */
export function backoffDelay(
  retryNumber: number,
  options: Pick<RetryOptions, 'initialDelayMs' | 'maxDelayMs'> = {},
): number {
  const { initialDelayMs = 100, maxDelayMs = 5000 } = options;
  return Math.min(initialDelayMs * 2 ** (retryNumber - 1), maxDelayMs);
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `operation` until it succeeds, waiting longer after each failure. Gives up
 * with the last error after `attempts` tries, at once when `shouldRetry` says the
 * error is final, and with the abort reason when `signal` is aborted.
 */
export async function retry<T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const { attempts = 3, shouldRetry = () => true, signal } = options;
  if (!Number.isInteger(attempts) || attempts < 1) {
    throw new RangeError(
      `attempts must be a whole number from 1, not ${attempts}`,
    );
  }
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    try {
      return await operation(attempt);
    } catch (error) {
      if (attempt >= attempts || !shouldRetry(error, attempt)) {
        throw error;
      }
    }
    await wait(backoffDelay(attempt, options), signal);
  }
}
