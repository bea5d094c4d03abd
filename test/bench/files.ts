/**
 * File benchmarks (issue 4), in Node: saving (serialize) and opening (parse, with every check and
 * repair) a 5,000-note map, its size on disk per note, and merging two 5,000-note copies that
 * each changed 500 notes. Targets: save and open ≤ 300 ms each, under 250 bytes per note.
 */

import { markShared } from '../../shared/format/document.ts';
import { parse } from '../../shared/format/parse.ts';
import { serialize } from '../../shared/format/serialize.ts';
import { realisticMap } from '../../shared/format/test-support/maps.ts';
import { merge } from '../../shared/merge/merge.ts';
import { type JourneyDocument, liveNotesByZ } from '../../shared/model/document.ts';
import { type MutableDocument, updateNote } from '../../shared/model/edits.ts';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const time = (runs: number, work: () => void): number => {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return median(samples);
};

const editCopy = (doc: JourneyDocument, from: number, count: number, label: string): JourneyDocument => {
  const copy: MutableDocument = { id: doc.id, records: { ...doc.records } };
  for (const note of liveNotesByZ(doc).slice(from, from + count))
    updateNote(copy, note.id, { text: `${note.text} (${label})` });
  return copy;
};

export interface FileBenchResult {
  readonly notes: number;
  readonly saveMs: number;
  readonly openMs: number;
  readonly bytesPerNote: number;
  readonly mergeMs: number;
  readonly merged: { added: number; updated: number; deleted: number; conflicts: number };
}

export const runFileBench = (notes = 5000): FileBenchResult => {
  const doc = markShared(realisticMap(notes, 7));
  const info = { appVersion: '0.1.0', savedAt: Date.now() };
  let text = '';
  const saveMs = time(9, () => {
    text = serialize(doc, info);
  });
  const openMs = time(9, () => {
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
  const mergeMs = time(9, () => {
    const result = merge(ours, theirs);
    if (!result.ok) throw new Error(result.error.message);
    merged = result.summary;
  });
  return { notes, saveMs, openMs, bytesPerNote, mergeMs, merged };
};

export const fileTable = (r: FileBenchResult): string =>
  [
    `### .cxmap files (${r.notes.toLocaleString('en-US')} notes, median of 9)`,
    '',
    '| Save | Open | Bytes per note | Merge 2 copies, 500 changes each | Target |',
    '| --- | --- | --- | --- | --- |',
    `| ${r.saveMs.toFixed(1)} ms | ${r.openMs.toFixed(1)} ms | ${r.bytesPerNote.toFixed(1)} | ${r.mergeMs.toFixed(1)} ms (${r.merged.updated} updated, ${r.merged.conflicts} conflicts) | < 250 bytes per note: ${r.bytesPerNote < 250 ? 'met ✓' : 'missed ✗'} |`,
    '',
  ].join('\n');

if (import.meta.url === `file://${process.argv[1]}`) console.log(fileTable(runFileBench()));
