import { newMapFromTemplate } from '../../shared/journey/create-map.ts';
import { KIND_STYLES } from '../../shared/journey/note-kinds.ts';
import { addPersona, setActivePersona } from '../../shared/journey/personas/persona-edits.ts';
import { templateById } from '../../shared/journey/templates.ts';
import type { JourneyDocument } from '../../shared/model/document.ts';
import { addNote, type MutableDocument, type NewNote } from '../../shared/model/edits.ts';
import type { LaneRecord, ScenarioRecord, StageRecord } from '../../shared/model/journey-records.ts';

/**
 * The example used for the docs' pictures: "Home printer toner" (the workshop-day story), the
 * current journey mapped on the customer-experience template with touchpoints, a stamp of
 * authenticity, ratings, breakdown points, opportunities, quotes and an emotion curve.
 */
type CellNote = Omit<NewNote, 'x' | 'y' | 'stageId' | 'laneId' | 'scenarioId'> & { readonly text: string };

const CELLS: Readonly<Record<string, Readonly<Record<string, readonly CellNote[]>>>> = {
  'Brand awareness': {
    'Customer actions': [{ text: 'Notices the low-toner warning' }],
    Touchpoints: [
      { text: 'Printer status light', kind: 'touchpoint', channel: 'other' },
      { text: 'Search result', kind: 'touchpoint', channel: 'web' },
    ],
    'Thoughts and feelings': [{ text: 'Not again, before the report is due', kind: 'quote' }],
  },
  Interest: {
    'Customer actions': [{ text: 'Compares cartridges and prices' }],
    Touchpoints: [
      { text: 'Product page', kind: 'touchpoint', channel: 'web' },
      { text: 'Reviews', kind: 'touchpoint', channel: 'web' },
    ],
    'Breakdown points': [{ text: 'Cannot tell which cartridge fits', kind: 'breakdown' }],
    Opportunities: [{ text: 'Cartridge finder by printer model', kind: 'opportunity' }],
  },
  'A taste of the offering': {
    Touchpoints: [{ text: 'Chat with an adviser', kind: 'touchpoint', channel: 'chat' }],
    'Thoughts and feelings': [{ text: 'Relieved someone answers in two minutes' }],
  },
  Purchase: {
    'Customer actions': [{ text: 'Orders two cartridges' }],
    Touchpoints: [
      {
        text: 'Order page',
        kind: 'touchpoint',
        channel: 'web',
        ratings: { effortless: 2, productive: 4, painless: 2 },
      },
      { text: 'Confirmation email', kind: 'touchpoint', channel: 'email' },
    ],
    'Breakdown points': [{ text: 'Account required to pay', kind: 'breakdown' }],
    Opportunities: [{ text: 'Guest checkout', kind: 'opportunity' }],
  },
  Use: {
    Touchpoints: [
      {
        text: 'Install video on the box',
        kind: 'touchpoint',
        channel: 'other',
        wow: true,
        ratings: { effortless: 5, productive: 5, painless: 5 },
      },
    ],
    'Thoughts and feelings': [{ text: 'That was easier than I feared', kind: 'quote' }],
    Opportunities: [{ text: 'Recycling bag in the box', kind: 'idea' }],
  },
  'Post-purchase': {
    Touchpoints: [{ text: 'Survey email', kind: 'touchpoint', channel: 'email' }],
    'Breakdown points': [{ text: 'Old cartridge: where does it go?', kind: 'breakdown' }],
    'Customer service': [{ text: 'Returns line closes at 5 pm', kind: 'question' }],
  },
  'Repeat purchases': {
    'Customer actions': [{ text: 'Searches for the order again' }],
    Opportunities: [{ text: 'Reorder in one click from the email', kind: 'opportunity' }],
  },
  Referral: {
    'Thoughts and feelings': [{ text: 'Would tell a colleague about the video' }],
  },
};

const EMOTIONS: Readonly<Record<string, number>> = {
  'Brand awareness': -1,
  Interest: -2,
  'A taste of the offering': 1,
  Purchase: -3,
  Use: 3,
  'Post-purchase': -1,
  'Repeat purchases': 0,
  Referral: 2,
};

export const exampleMap = (now = Date.UTC(2026, 10, 28, 9)): JourneyDocument => {
  const template = templateById('customer-experience');
  if (!template) throw new Error('customer-experience template missing');
  const base = newMapFromTemplate(template, 'Home printer toner', { now });
  const doc: MutableDocument = { id: base.id, records: { ...base.records } };
  const records = Object.values(doc.records);
  const stages = records.filter((record): record is StageRecord => record.type === 'stage');
  const lanes = records.filter((record): record is LaneRecord => record.type === 'lane');
  const current = records.find(
    (record): record is ScenarioRecord => record.type === 'scenario' && record.kind === 'current',
  );
  if (!current) throw new Error('no current scenario');
  for (const [stageName, cells] of Object.entries(CELLS)) {
    const stage = stages.find((candidate) => candidate.name === stageName);
    for (const [laneName, notes] of Object.entries(cells)) {
      const lane = lanes.find((candidate) => candidate.name === laneName);
      if (!stage || !lane) throw new Error(`no cell ${stageName} / ${laneName}`);
      notes.forEach((note, slot) => {
        addNote(
          doc,
          {
            ...note,
            color: KIND_STYLES[note.kind ?? 'note'].color,
            x: 0,
            y: 0,
            stageId: stage.id,
            laneId: lane.id,
            slot,
            scenarioId: current.id,
          },
          now,
        );
      });
    }
  }
  doc.records[current.id] = {
    ...current,
    emotions: Object.fromEntries(stages.map((stage) => [stage.id, EMOTIONS[stage.name] ?? 0])),
  };
  const persona = addPersona(
    doc,
    {
      name: 'Dana',
      role: 'Runs a two-person design studio from home',
      goals: 'Never run out of toner before a client deadline',
      needs: 'The right cartridge, delivered tomorrow, without an account',
      frustrations: 'Cartridge codes; paying twice for shipping',
      quote: 'I just want the printer to keep printing.',
    },
    now,
  );
  setActivePersona(doc, persona, now);
  return { id: doc.id, records: doc.records };
};
