import type { NoteKind } from '../../model/journey-records.ts';
import type { NoteRecord } from '../../model/records.ts';
import type { InsightContext } from './insight.ts';

/** The scenario's notes of one kind, on the grid or off it. */
export const notesOfKind = (context: InsightContext, kind: NoteKind): readonly NoteRecord[] =>
  context.notesByKind.get(kind) ?? [];

/** The stages (ids, left to right) that hold any of the notes in one of their cells. */
export const stageIdsHolding = (context: InsightContext, notes: readonly NoteRecord[]): string[] => {
  const used = new Set(notes.map(context.stageOf));
  return context.stages.filter((stage) => used.has(stage.id)).map((stage) => stage.id);
};

/** A stage's notes of one kind, in the order they sit in their cells. */
export const stageNotesOfKind = (context: InsightContext, stageId: string, kind: NoteKind): NoteRecord[] =>
  (context.notesByStage.get(stageId) ?? [])
    .filter((note) => note.kind === kind)
    .sort((a, b) => a.slot - b.slot || (a.id < b.id ? -1 : 1));

/** Whether a stage holds a note of one kind in any of its cells. */
export const stageHolds = (context: InsightContext, stageId: string, kind: NoteKind): boolean =>
  context.notesByStage.get(stageId)?.some((note) => note.kind === kind) ?? false;
