/**
 * File benchmarks (issue 4), in Node: saving (serialize) and opening (parse, with every check and
 * repair) a 5,000-note map, its size on disk per note, and merging two 5,000-note copies that
 * each changed 500 notes, and saving it again after one edit (what the rolling backup does every
 * few seconds of a workshop). Targets: save and open ≤ 300 ms each, under 250 bytes per note.
 */

import { markShared } from '../../shared/format/document.ts';
import { parse } from '../../shared/format/parse.ts';
import { serialize } from '../../shared/format/serialize.ts';
import { realisticMap } from '../../shared/format/test-support/maps.ts';
import { merge } from '../../shared/merge/merge.ts';
import { type JourneyDocument, liveNotesByZ } from '../../shared/model/document.ts';
import { type MutableDocument, updateNote } from '../../shared/model/edits.ts';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** The median time of `work` on what `prepare` gives it, each run's preparation left out. */
const time = <T>(runs: number, prepare: () => T, work: (input: T) => void): number => {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const input = prepare();
    const start = performance.now();
    work(input);
    samples.push(performance.now() - start);
  }
  return median(samples);
};

const nothing = (): void => undefined;

const editCopy = (doc: JourneyDocument, from: number, count: number, label: string): JourneyDocument => {
  const copy: MutableDocument = { id: doc.id, records: { ...doc.records } };
  for (const note of liveNotesByZ(doc).slice(from, from + count))
    updateNote(copy, note.id, { text: `${note.text} (${label})` });
  return copy;
};

export interface FileBenchResult {
  readonly notes: number;
  readonly saveMs: number;
  /** Saving the map again after one note changed: the rolling backup's case. */
  readonly saveAfterEditMs: number;
  readonly openMs: number;
  readonly bytesPerNote: number;
  readonly mergeMs: number;
  readonly merged: { added: number; updated: number; deleted: number; conflicts: number };
}

export const runFileBench = (notes = 5000): FileBenchResult => {
  const doc = markShared(realisticMap(notes, 7));
  const info = { appVersion: '0.1.0', savedAt: Date.now() };
  let text = '';
  // A fresh copy each run: serialize keeps each record's line, and the first save of a map
  // opened from disk has none of them.
  const saveMs = time(
    9,
    () => structuredClone(doc),
    (copy) => {
      text = serialize(copy, info);
    },
  );
  // The rolling backup's case: the same map saved again after one note was edited.
  serialize(doc, info);
  let edits = 0;
  const saveAfterEditMs = time(
    9,
    () => editCopy(doc, edits++, 1, 'edited'),
    (edited) => serialize(edited, info),
  );
  const openMs = time(9, nothing, () => {
    const result = parse(text);
    if (!result.ok) throw new Error(result.error.message);
  });
  const bytesPerNote = new TextEncoder().encode(text).byteLength / notes;
  const opened = parse(text);
  if (!opened.ok) throw new Error(opened.error.message);
  // Two people edit copies of the same file: 500 notes each, 100 of them the same notes.
  const ours = editCopy(opened.document, 0, 500, 'facilitator');
  const theirs = editCopy(opened.document, 400, 500, 'team lead');
  let merged: FileBenchResult['merged'] = { added: 0, updated: 0, deleted: 0, conflicts: 0 };
  const mergeMs = time(9, nothing, () => {
    const result = merge(ours, theirs);
    if (!result.ok) throw new Error(result.error.message);
    merged = result.summary;
  });
  return { notes, saveMs, saveAfterEditMs, openMs, bytesPerNote, mergeMs, merged };
};

export const fileTable = (r: FileBenchResult): string =>
  [
    `### .cxmap files (${r.notes.toLocaleString('en-US')} notes, median of 9)`,
    '',
    '| Save | Save again after one edit | Open | Bytes per note | Merge 2 copies, 500 changes each | Target |',
    '| --- | --- | --- | --- | --- | --- |',
    `| ${r.saveMs.toFixed(1)} ms | ${r.saveAfterEditMs.toFixed(1)} ms | ${r.openMs.toFixed(1)} ms | ${r.bytesPerNote.toFixed(1)} | ${r.mergeMs.toFixed(1)} ms (${r.merged.updated} updated, ${r.merged.conflicts} conflicts) | < 250 bytes per note: ${r.bytesPerNote < 250 ? 'met ✓' : 'missed ✗'} |`,
    '',
  ].join('\n');

if (import.meta.url === `file://${process.argv[1]}`) console.log(fileTable(runFileBench()));
