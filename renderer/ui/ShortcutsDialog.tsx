import { useEffect, useRef } from 'react';
import { shortcutLabel } from '../board/shortcuts.ts';

interface ShortcutsDialogProps {
  readonly onClose: () => void;
}

const ROWS: readonly [string, string][] = [
  ['New note at the pointer', shortcutLabel('new-note')],
  ['New note', 'Double-click empty board'],
  ['Finish the note', 'Enter'],
  ['New line in a note', 'Shift+Enter'],
  ['Finish and type the next note beside it', 'Tab'],
  ['Edit the selected note', 'Enter or double-click'],
  ['Colour of the selection (or of new notes)', '1–7'],
  ['Move the selection', 'Arrow keys (Shift: ×10)'],
  ['Select several', 'Shift+click, or drag on empty board'],
  ['Select all', shortcutLabel('select-all')],
  ['Duplicate', shortcutLabel('duplicate')],
  ['Copy / cut / paste', 'Ctrl+C / Ctrl+X / Ctrl+V'],
  ['Delete', 'Delete or Backspace'],
  ['Bring to front', shortcutLabel('bring-to-front')],
  ['Undo / redo', `${shortcutLabel('undo')} / ${shortcutLabel('redo')}`],
  ['Pan', 'Space+drag, middle-drag, or scroll'],
  ['Zoom at the pointer', 'Ctrl+scroll or pinch'],
  [
    'Zoom in / out / 100%',
    `${shortcutLabel('zoom-in')} / ${shortcutLabel('zoom-out')} / ${shortcutLabel('zoom-reset')}`,
  ],
  ['Zoom to fit', shortcutLabel('zoom-fit')],
];

/** The keyboard sheet (the ? key): a facilitator's cheat sheet on the projector. */
export const ShortcutsDialog = ({ onClose }: ShortcutsDialogProps) => {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="shortcuts">
        <tbody>
          {ROWS.map(([action, keys]) => (
            <tr key={action}>
              <th scope="row">{action}</th>
              <td>
                <kbd>{keys}</kbd>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit" className="primary">
          Close
        </button>
      </form>
    </dialog>
  );
};
