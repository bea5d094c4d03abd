import type { JourneyDocument } from '../../shared/model/document.ts';

type Records = JourneyDocument['records'];

/**
 * Which records each edit, undo or redo replaced, keyed by the records object it produced. Each
 * board store makes its own and autosave asks the store it saves, so finding what to write costs
 * the size of the edits, not the size of the map. A step it cannot find (a document loaded or
 * adopted whole) makes it compare everything instead.
 */
export interface ChangeLog {
  /** Notes that going from `from` to `to` replaced the records with these ids. */
  log(from: Records, to: Records, ids: Iterable<string>): void;
  /** The ids changed from `saved` to `current`, or null when a step between them is unknown. */
  changedSince(saved: Records, current: Records): Set<string> | null;
}

/**
 * Steps walked back at most: more edits than this waiting to be written (the disk was full for a
 * long while) are found by comparing the whole map, which then costs no more than the walk.
 */
const MAX_STEPS = 10_000;

export const createChangeLog = (): ChangeLog => {
  // Weak: a records object no state or history holds any more takes its step with it.
  const steps = new WeakMap<Records, { readonly from: Records; readonly ids: readonly string[] }>();
  return {
    log: (from, to, ids) => {
      if (from !== to) steps.set(to, { from, ids: [...ids] });
    },
    changedSince: (saved, current) => {
      const ids = new Set<string>();
      let at = current;
      for (let step = 0; at !== saved; step++) {
        const known = steps.get(at);
        if (!known || step >= MAX_STEPS) return null;
        for (const id of known.ids) ids.add(id);
        at = known.from;
      }
      return ids;
    },
  };
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
