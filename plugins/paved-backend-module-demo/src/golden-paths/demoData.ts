import {
  GoldenPathsStore,
  RunRecord,
} from '@paved/plugin-golden-paths-backend';

/** A small deterministic generator, so the demo is the same on every start. */
function seeded(seed: string) {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return (h >>> 0) / 4294967296;
  };
}

/**
 * Scaffolder runs behind the demo organisation's history (examples/
 * golden-path-history.yaml): one completed run for each component created
 * from a golden path, at its creation date, and now and then a failed
 * attempt just before it. Loads once, after the scanner has seen the
 * components; returns whether it loaded.
 */
export async function loadGoldenPathDemoRuns(
  store: GoldenPathsStore,
): Promise<boolean> {
  if (await store.hasDemoRuns()) return false;
  const components = await store.componentsFromGoldenPaths();
  if (components.length === 0) return false;
  for (const c of components) {
    const random = seeded(c.entityRef);
    const name = c.entityRef.split('/').pop();
    const finishedAt = new Date(c.firstSeenAt);
    const base: Omit<
      RunRecord,
      'taskId' | 'status' | 'startedAt' | 'finishedAt' | 'createdEntityRef'
    > = {
      templateRef: c.sourceTemplateRef!,
      templateVersion: c.templateVersion,
      teamRef: c.ownerRef,
    };
    if (random() < 0.14) {
      const failedAt = new Date(finishedAt.getTime() - 20 * 60_000);
      await store.recordRun({
        ...base,
        taskId: `demo-${name}-failed`,
        status: 'failed',
        startedAt: new Date(failedAt.getTime() - (15 + random() * 40) * 1000),
        finishedAt: failedAt,
        createdEntityRef: null,
      });
    }
    await store.recordRun({
      ...base,
      taskId: `demo-${name}`,
      status: 'completed',
      startedAt: new Date(finishedAt.getTime() - (40 + random() * 110) * 1000),
      finishedAt,
      createdEntityRef: c.entityRef,
    });
  }
  return true;
}
