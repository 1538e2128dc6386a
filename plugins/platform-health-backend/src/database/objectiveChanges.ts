import {
  KeyResultInput,
  Objective,
  ObjectiveChange,
} from '@paved/plugin-platform-health-common';

/** An objective's fields after an edit, as the store writes them. */
export interface EditedObjective {
  title: string;
  description: string;
  keyResults: KeyResultInput[];
}

const KEY_RESULT_FIELDS = [
  ['keyResultTitle', 'title'],
  ['metric', 'metric'],
  ['unit', 'unit'],
  ['start', 'start'],
  ['target', 'target'],
  ['due', 'due'],
] as const;

/**
 * What an edit changes, in order: the objective's title and description, then
 * each key result as edited (added ones as one `keyResult` change), then the
 * removed ones. A reorder alone is not a change.
 */
export function objectiveChanges(
  before: Objective,
  after: EditedObjective,
  newIds: (string | undefined)[] = [],
): ObjectiveChange[] {
  const changes: ObjectiveChange[] = [];
  const own = (field: 'title' | 'description') => {
    if (before[field] !== after[field]) {
      changes.push({
        field,
        keyResultId: null,
        keyResultTitle: null,
        before: before[field],
        after: after[field],
      });
    }
  };
  own('title');
  own('description');
  const previous = new Map(before.keyResults.map(kr => [kr.id, kr]));
  const kept = new Set<string>();
  after.keyResults.forEach((input, index) => {
    const edited = {
      ...input,
      unit: input.metric === 'manual' ? input.unit ?? null : null,
    };
    const old = input.id ? previous.get(input.id) : undefined;
    if (!old) {
      changes.push({
        field: 'keyResult',
        keyResultId: newIds[index] ?? input.id ?? null,
        keyResultTitle: edited.title,
        before: null,
        after: edited.title,
      });
      return;
    }
    kept.add(old.id);
    for (const [field, key] of KEY_RESULT_FIELDS) {
      if (old[key] !== edited[key]) {
        changes.push({
          field,
          keyResultId: old.id,
          keyResultTitle: edited.title,
          before: old[key],
          after: edited[key],
        });
      }
    }
  });
  for (const old of before.keyResults) {
    if (!kept.has(old.id)) {
      changes.push({
        field: 'keyResult',
        keyResultId: old.id,
        keyResultTitle: old.title,
        before: old.title,
        after: null,
      });
    }
  }
  return changes;
}
