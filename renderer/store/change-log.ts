import type { JourneyDocument } from '../../shared/model/document.ts';

type Records = JourneyDocument['records'];

/**
 * Which records each edit, undo or redo replaced, keyed by the records object it produced.
 * Autosave walks these steps back to the last saved records, so finding what to write costs
 * the size of the edits, not the size of the map. A step it cannot find (a document loaded or
 * adopted whole) makes it compare everything instead.
 */
const steps = new WeakMap<Records, { readonly from: Records; readonly ids: readonly string[] }>();

export const logChange = (from: Records, to: Records, ids: Iterable<string>): void => {
  if (from !== to) steps.set(to, { from, ids: [...ids] });
};

/** The ids changed from `saved` to `current`, or null when a step between them is unknown. */
export const changedSince = (saved: Records, current: Records, maxSteps = 10_000): Set<string> | null => {
  const ids = new Set<string>();
  let at = current;
  for (let step = 0; at !== saved; step++) {
    const known = steps.get(at);
    if (!known || step >= maxSteps) return null;
    for (const id of known.ids) ids.add(id);
    at = known.from;
  }
  return ids;
};

/** The record ids immer patches touch (paths start with "records", id). */
export const idsOfPatches = (
  patches: readonly { readonly path: readonly (string | number)[] }[],
): Set<string> => {
  const ids = new Set<string>();
  for (const patch of patches)
    if (patch.path[0] === 'records' && typeof patch.path[1] === 'string') ids.add(patch.path[1]);
  return ids;
};
