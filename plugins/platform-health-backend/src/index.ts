/**
 * Platform health backend: health targets from app-config, and the quarter's
 * OKRs with their check-ins.
 *
 * @packageDocumentation
 */
export { platformHealthPlugin as default } from './plugin';
export * from './extensions';
export { OkrStore } from './database/OkrStore';
export { OkrService } from './service/OkrService';
