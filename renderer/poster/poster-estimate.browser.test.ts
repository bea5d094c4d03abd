import { zlibSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { lanesOf, stagesOf } from '../../shared/journey/layout.ts';
import { KIND_STYLES } from '../../shared/journey/note-kinds.ts';
import { testMap } from '../../shared/journey/scenarios/test-support.ts';
import { addDot, nextVoter, revealVote, startVote } from '../../shared/journey/votes/vote-edits.ts';
import { isLiveNote, type JourneyDocument, scenariosOf } from '../../shared/model/document.ts';
import type { MutableDocument } from '../../shared/model/edits.ts';
import { CHANNELS, type NoteKind, type ScenarioRecord } from '../../shared/model/journey-records.ts';
import { formatBytes } from '../../shared/poster/file-size.ts';
import { exampleMap } from '../../test/docs/example-map.ts';
import { loadFonts } from '../drawing/fonts.ts';
import { textLayouts } from '../drawing/text-layout.ts';
import { toMapFile } from '../files/map-file.ts';
import { estimatePosterBytes } from './poster-estimate.ts';
import { DEFAULT_POSTER_OPTIONS, type PosterOptions } from './poster-options.ts';
import { posterPictureOf } from './poster-picture.ts';
import { renderPosterPng } from './render-poster.ts';

beforeAll(async () => {
  await loadFonts();
  textLayouts.clear();
});

const WORDS = (
  'customer cannot find the login button checkout asks for the card twice delivery date unclear ' +
  'support call waits twenty minutes app crashes on upload invoice arrives late password reset ' +
  'email lands in spam onboarding feels long loves the live chat price shown without tax'
).split(' ');

const KIND_OF_LANE: Readonly<Record<string, NoteKind>> = {
  touchpoints: 'touchpoint',
  breakdowns: 'breakdown',
  opportunities: 'opportunity',
};
const OTHER_KINDS: readonly NoteKind[] = ['note', 'note', 'note', 'quote', 'idea', 'question'];

/**
 * A workshop's worth of notes on the customer-experience template, all in cells: notes of 3 to
 * 14 words, about 70% in Current and the rest in Ideal, touchpoints with channels, some rated or
 * stamped, emotion scores on both scenarios. Seeded, so every run draws the same poster.
 */
const denseMap = (count: number): JourneyDocument => {
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor((seed / 2_147_483_648) * n);
  };
  const map = testMap();
  const stages = stagesOf(map.doc);
  const lanes = lanesOf(map.doc).filter((lane) => lane.role !== 'emotion' && !lane.hidden);
  const slots = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const stage = stages[random(stages.length)];
    const lane = lanes[random(lanes.length)];
    if (!stage || !lane) throw new Error('the template has stages and lanes');
    const scenarioId = random(10) < 7 ? map.currentId : map.idealId;
    const cell = `${scenarioId} ${stage.id} ${lane.id}`;
    const slot = slots.get(cell) ?? 0;
    slots.set(cell, slot + 1);
    const words = Array.from({ length: 3 + random(12) }, () => WORDS[random(WORDS.length)]).join(' ');
    const kind = KIND_OF_LANE[lane.role] ?? OTHER_KINDS[random(OTHER_KINDS.length)] ?? 'note';
    const touchpoint = kind === 'touchpoint';
    map.put(stage.name, lane.name, {
      scenarioId,
      text: words.charAt(0).toUpperCase() + words.slice(1),
      kind,
      color: KIND_STYLES[kind].color,
      slot,
      channel: touchpoint ? (CHANNELS[random(CHANNELS.length)] ?? null) : null,
      wow: touchpoint && random(12) === 0,
      ratings:
        touchpoint && random(3) === 0
          ? { effortless: 1 + random(5), productive: 1 + random(5), painless: 1 + random(5) }
          : null,
    });
  }
  for (const scenario of scenariosOf(map.doc)) {
    const emotions = Object.fromEntries(stages.map((stage) => [stage.id, random(7) - 3]));
    map.doc.records[scenario.id] = { ...scenario, emotions } satisfies ScenarioRecord;
  }
  return map.doc;
};

const currentOf = (doc: JourneyDocument): string => {
  const current = scenariosOf(doc).find((scenario) => scenario.kind === 'current');
  if (!current) throw new Error('no Current scenario');
  return current.id;
};

/** The real export, as the exporter writes it (the map embedded), and the dialog's estimate. */
const exportAndEstimate = async (doc: JourneyDocument, options: Partial<PosterOptions>) => {
  const result = posterPictureOf(
    doc,
    currentOf(doc),
    { ...DEFAULT_POSTER_OPTIONS, ...options },
    Date.UTC(2026, 10, 28),
  );
  if (!result.ok) throw new Error(result.error);
  const map = toMapFile(doc, Date.UTC(2026, 10, 28));
  // As PosterDialog measures the embedded map.
  const embeddedBytes = zlibSync(new TextEncoder().encode(map), { level: 9 }).length;
  const { bytes } = await renderPosterPng({ picture: result.picture, map, onChunk: () => {} });
  return { bytes, estimate: estimatePosterBytes(result.picture, embeddedBytes) };
};

/** The workshop map after a revealed vote: 8 voters put 5 dots each on Current's notes. */
const votedMap = (): JourneyDocument => {
  const dense = denseMap(300);
  const doc: MutableDocument = { id: dense.id, records: { ...dense.records } };
  const current = currentOf(doc);
  const notes = Object.values(doc.records).filter(
    (record) => isLiveNote(record) && record.scenarioId === current,
  );
  const started = startVote(
    doc,
    { question: 'Which breakdowns hurt most?', scenarioId: current, voters: 8, dotsPerVoter: 5 },
    Date.UTC(2026, 10, 28),
  );
  if (!started.ok) throw new Error(started.reason);
  for (let voter = 0; voter < 8; voter++) {
    if (voter > 0) nextVoter(doc, started.id);
    for (let dot = 0; dot < 5; dot++) {
      const note = notes[(voter * 37 + dot * 11) % notes.length];
      if (note) addDot(doc, started.id, note.id);
    }
  }
  revealVote(doc, started.id);
  return doc;
};

const CONFIGURATIONS: readonly [string, Partial<PosterOptions>][] = [
  ['A4 150 DPI', { paper: 'a4', dpi: 150 }],
  ['A4 300 DPI, no title or legend', { paper: 'a4', dpi: 300, titleBlock: false, legend: false }],
  ['A3 72 DPI', { paper: 'a3', dpi: 72 }],
  ['A1 150 DPI', { paper: 'a1', dpi: 150 }],
  ['A1 150 DPI, no title or legend', { paper: 'a1', dpi: 150, titleBlock: false, legend: false }],
  ['A1 150 DPI, Current and Ideal', { paper: 'a1', dpi: 150, content: 'stacked' }],
  ['A2 300 DPI', { paper: 'a2', dpi: 300 }],
  [
    'A2 300 DPI, Current and Ideal, no title or legend',
    { paper: 'a2', dpi: 300, content: 'stacked', titleBlock: false, legend: false },
  ],
  ['30 cm banner 150 DPI', { paper: 'banner', bannerHeight: 300, unit: 'mm', dpi: 150 }],
];

/** The exports whose estimate is off by more than 30%, with every export reported. */
const estimatesOff = async (
  maps: readonly { name: string; doc: JourneyDocument }[],
  configurations: readonly [string, Partial<PosterOptions>][],
): Promise<string[]> => {
  const report: string[] = [];
  const misses: string[] = [];
  for (const { name, doc } of maps) {
    for (const [label, options] of configurations) {
      const { bytes, estimate } = await exportAndEstimate(doc, options);
      const error = estimate / bytes - 1;
      const line = `${name}, ${label}: ${bytes} B (${formatBytes(bytes)}), estimate ${estimate} B (${formatBytes(estimate)}), ${error >= 0 ? '+' : ''}${(error * 100).toFixed(0)}%`;
      report.push(line);
      if (Math.abs(error) > 0.3) misses.push(line);
    }
  }
  console.info(report.join('\n'));
  return misses;
};

describe('the estimated file size', () => {
  it('is within ±30% of real exports of real maps, on any paper, with or without title and legend', async () => {
    const maps = [
      { name: 'example map (25 notes)', doc: exampleMap() },
      { name: 'workshop map (300 notes)', doc: denseMap(300) },
    ];
    expect(await estimatesOff(maps, CONFIGURATIONS)).toEqual([]);
  }, 60_000);

  it('is within ±30% with a vote’s dots and results box on the poster', async () => {
    const maps = [{ name: 'workshop map after a vote', doc: votedMap() }];
    const configurations: [string, Partial<PosterOptions>][] = [
      ['A3 72 DPI', { paper: 'a3', dpi: 72 }],
      ['A1 150 DPI', { paper: 'a1', dpi: 150 }],
      ['30 cm banner 150 DPI', { paper: 'banner', bannerHeight: 300, unit: 'mm', dpi: 150 }],
    ];
    expect(await estimatesOff(maps, configurations)).toEqual([]);
  }, 60_000);
});
