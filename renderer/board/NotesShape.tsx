import type Konva from 'konva';
import { Shape } from 'react-konva';
import type { NoteRecord } from '../../shared/model/records.ts';
import { drawNote, noteDetail } from '../drawing/note.ts';
import { BOARD_TEXT } from '../drawing/text-sizing.ts';
import type { Viewport } from '../store/session-slice.ts';
import { uncoveredNotes } from './covered-notes.ts';
import { useOpenBadges, useShownDots } from './use-shown-dots.ts';
import { intersects, type Rect } from './viewport.ts';

interface NotesShapeProps {
  readonly notes: readonly NoteRecord[];
  /** The board area on screen, in board units: notes outside it are not drawn. */
  readonly visible: Rect;
  readonly viewport: Viewport;
  /** Notes to leave out (the one being edited is drawn by its editor). */
  readonly hiddenId?: string | null;
}

/**
 * All notes of a layer drawn by one Konva shape: one node instead of thousands keeps Konva's
 * per-node overhead out of every frame, and culling (of notes out of view or under another)
 * plus level of detail keep large maps fast. A vote's dots are drawn on the notes (useShownDots),
 * and while it runs an open badge on each note that can still get one (useOpenBadges).
 */
export const NotesShape = ({ notes, visible, viewport, hiddenId }: NotesShapeProps) => {
  const dots = useShownDots();
  const open = useOpenBadges();
  return (
    <Shape
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(context: Konva.Context) => {
        const ctx = context._context;
        const inView = notes.filter((note) => note.id !== hiddenId && intersects(note, visible));
        for (const note of uncoveredNotes(inView, viewport.scale)) {
          const count = dots.get(note.id) ?? 0;
          drawNote(
            ctx,
            note,
            noteDetail(note.h * viewport.scale),
            BOARD_TEXT,
            count,
            count === 0 && open(note),
          );
        }
      }}
    />
  );
};
