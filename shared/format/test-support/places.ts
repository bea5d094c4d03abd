/**
 * For tests that write files by hand (not used by the app): a file lists notes in groups by
 * place (scenario, stage, lane). `inPlaces` turns a flat list of notes, each with its own
 * place fields, into those groups: consecutive notes with the same place share a group, so
 * every note keeps its number ("note 3") and anything that is not a note joins the group
 * before it. A note's place fields that are undefined are left out of its group.
 */
const PLACE = ['scenarioId', 'stageId', 'laneId'] as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const inPlaces = (notes: readonly unknown[]): Record<string, unknown>[] => {
  const groups: { key: string; group: Record<string, unknown>; notes: unknown[] }[] = [];
  for (const note of notes) {
    const last = groups.at(-1);
    if (!isObject(note)) {
      if (last) last.notes.push(note);
      else groups.push({ key: '', group: {}, notes: [note] });
      continue;
    }
    const place: Record<string, unknown> = {};
    const own: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(note)) {
      if ((PLACE as readonly string[]).includes(field)) {
        if (value !== undefined) place[field] = value;
      } else own[field] = value;
    }
    const key = JSON.stringify(PLACE.map((field) => place[field]));
    if (last && last.key === key) last.notes.push(own);
    else groups.push({ key, group: place, notes: [own] });
  }
  return groups.map(({ group, notes: members }) => ({ ...group, notes: members }));
};

/** A file's fields with its `notes`, when a list, grouped by place. */
export const withNotesInPlaces = (fields: Record<string, unknown>): Record<string, unknown> =>
  Array.isArray(fields.notes) ? { ...fields, notes: inPlaces(fields.notes) } : fields;
