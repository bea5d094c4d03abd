import { gripAt } from '../../../shared/journey/header-drag.ts';
import { hitGrid } from '../../../shared/journey/hit-grid.ts';
import { boardLayout, orderedNotes } from '../note-order.ts';
import { noteAt } from '../viewport.ts';
import { badgeNoteAt, enterBadgeClick } from './badge-click.ts';
import { enterEmotionDrag } from './emotion-drag.ts';
import { BUTTON, type Gesture, type GestureContext, type PointerAt } from './gesture.ts';
import { enterHeaderMove } from './header-move.ts';
import { enterHeaderResize } from './header-resize.ts';
import { selectedCornerAt } from './hit.ts';
import { enterMarquee } from './marquee.ts';
import { enterNoteDrag } from './note-drag.ts';
import { enterNoteResize } from './note-resize.ts';
import { enterPan } from './pan.ts';

export interface Press {
  readonly at: PointerAt;
  readonly button: number;
  readonly shift: boolean;
  /** Space is held: a primary press pans, as in most drawing tools. */
  readonly spaceHeld: boolean;
}

/**
 * The gesture a pointer press enters, from the button and what is under the pointer: a vote's
 * badge first (it sits on a note's corner), a selected note's handle before the note, a note before the grid under it, empty board last. Null when
 * the press starts no gesture (a right click).
 */
export const gestureForPress = (context: GestureContext, press: Press): Gesture | null => {
  const { at } = press;
  if (press.button === BUTTON.middle || (press.button === BUTTON.primary && press.spaceHeld))
    return enterPan(context, at);
  if (press.button !== BUTTON.primary) return null;
  const badged = badgeNoteAt(context.store.getState(), at.board);
  if (badged) return enterBadgeClick(context, { noteId: badged.id, shift: press.shift });
  const state = context.store.getState();
  const layout = boardLayout(state.doc, state.scenarioId);
  const corner = selectedCornerAt(state, at.board);
  const note = noteAt(orderedNotes(state.doc, state.scenarioId), at.board);
  const gridHit = hitGrid(layout, at.board);
  const grip = gripAt(layout, at.board, state.viewport.scale);
  if (!gridHit || gridHit.kind === 'emotion') state.selectHeader(null);
  if (corner) return enterNoteResize(context, corner);
  if (!note && gridHit?.kind === 'emotion') return enterEmotionDrag(context, gridHit);
  if (!note && grip?.action === 'resize')
    return enterHeaderResize(context, at, { id: grip.id, headerKind: grip.kind, start: grip.start });
  if (!note && grip) return enterHeaderMove(context, at, { id: grip.id, headerKind: grip.kind });
  if (note) return enterNoteDrag(context, at, { id: note.id, shift: press.shift });
  return enterMarquee(context, at, { shift: press.shift, onGrid: gridHit !== null });
};
