import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffDelay, retry } from './index.js';

/** An operation that fails `failures` times, then returns "done". */
function flaky(failures: number) {
  const calls: number[] = [];
  const operation = async (attempt: number) => {
    calls.push(attempt);
    if (calls.length <= failures) {
      throw new Error(`failure ${calls.length}`);
    }
    return 'done';
  };
  return { operation, calls };
}

describe('retry', () => {
  it('returns the first success', async () => {
    const { operation, calls } = flaky(2);
    assert.equal(await retry(operation, { initialDelayMs: 0 }), 'done');
    assert.deepEqual(calls, [1, 2, 3]);
  });

  it('gives up with the last error after the last attempt', async () => {
    const { operation, calls } = flaky(5);
    await assert.rejects(retry(operation, { attempts: 3, initialDelayMs: 0 }), {
      message: 'failure 3',
    });
    assert.deepEqual(calls, [1, 2, 3]);
  });

  it('stops at once on an error that is not worth retrying', async () => {
    const { operation, calls } = flaky(5);
    await assert.rejects(
      retry(operation, { initialDelayMs: 0, shouldRetry: () => false }),
      { message: 'failure 1' },
    );
    assert.deepEqual(calls, [1]);
  });

  it('does not start when already aborted', async () => {
    const { operation, calls } = flaky(0);
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await assert.rejects(retry(operation, { signal: controller.signal }), {
      message: 'cancelled',
    });
    assert.deepEqual(calls, []);
  });

  it('stops waiting when aborted between attempts', async () => {
    const controller = new AbortController();
    const calls: number[] = [];
    const result = retry(
      async attempt => {
        calls.push(attempt);
        controller.abort(new Error('cancelled'));
        throw new Error('failed');
      },
      { signal: controller.signal, initialDelayMs: 60_000 },
    );
    await assert.rejects(result, { message: 'cancelled' });
    assert.deepEqual(calls, [1]);
  });

  it('refuses a number of attempts below one', async () => {
    await assert.rejects(
      retry(async () => 'x', { attempts: 0 }),
      RangeError,
    );
  });
});

describe('backoffDelay', () => {
  it('doubles from the initial delay up to the cap', () => {
    const delays = [1, 2, 3, 4, 5].map(n =>
      backoffDelay(n, { initialDelayMs: 100, maxDelayMs: 1000 }),
    );
    assert.deepEqual(delays, [100, 200, 400, 800, 1000]);
  });
});
