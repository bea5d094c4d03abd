import { addNote } from '../../model/edits.ts';
import type { NoteRecord } from '../../model/records.ts';
import { type TestMap, testMap } from '../scenarios/test-support.ts';
import { startVote, type VoteOptions } from './vote-edits.ts';

/**
 * For the vote tests (not used by the app): the toner map of the workshop day with the notes the
 * room votes on, and a vote started on it.
 */
export interface VoteMap extends TestMap {
  /** Breakdown points: at Purchase, at Use, another at Use, at Post-purchase. */
  readonly cartridge: NoteRecord;
  readonly striped: NoteRecord;
  readonly courier: NoteRecord;
  readonly invoice: NoteRecord;
  /** A touchpoint at Purchase, and an idea outside the grid. */
  readonly shop: NoteRecord;
  readonly bundle: NoteRecord;
  /** A breakdown point of the Ideal scenario, at Use. */
  readonly idealCourier: NoteRecord;
  /** Starts a vote on Current with these options (a question and 5 voters × 3 dots by default); returns its id. */
  vote(options?: Partial<VoteOptions>): string;
}

export const voteMap = (): VoteMap => {
  const map = testMap('customer-experience', 'Home printer toner');
  const breakdown = (stage: string, text: string) =>
    map.put(stage, 'Breakdown points', { text, kind: 'breakdown' });
  const cartridge = breakdown('Purchase', 'Cannot tell which cartridge fits');
  const striped = breakdown('Use', 'Prints come out striped');
  const courier = breakdown('Use', 'Courier comes while he is at a client');
  const invoice = breakdown('Post-purchase', 'One invoice per cartridge');
  const shop = map.put('Purchase', 'Touchpoints', { text: 'Searches the shop', kind: 'touchpoint' });
  const bundle = addNote(map.doc, {
    x: 3000,
    y: 0,
    scenarioId: map.currentId,
    text: 'Bundle paper with toner?',
    kind: 'idea',
  });
  const idealCourier = map.put('Use', 'Breakdown points', {
    scenarioId: map.idealId,
    text: 'Courier comes while he is at a client',
    kind: 'breakdown',
  });
  return {
    ...map,
    cartridge,
    striped,
    courier,
    invoice,
    shop,
    bundle,
    idealCourier,
    vote: (options = {}) => {
      const started = startVote(
        map.doc,
        {
          question: 'Which breakdowns hurt most?',
          scenarioId: map.currentId,
          voters: 5,
          dotsPerVoter: 3,
          ...options,
        },
        1_720_000_000_000,
      );
      if (!started.ok) throw new Error(`vote refused: ${started.reason}`);
      return started.id;
    },
  };
};
