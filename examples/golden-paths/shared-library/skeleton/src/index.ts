export { backoffDelay, retry, type RetryOptions } from './retry.js';
