import { useEffect, useRef } from 'react';
import { keyHelp } from '../board/key-bindings.ts';
import { isMac } from '../board/shortcuts.ts';

interface ShortcutsDialogProps {
  readonly onClose: () => void;
}

/** What the mouse does; the keys come from the bindings themselves (keyHelp). */
const POINTER_ROWS: readonly [string, string][] = [
  ['New note', 'Double-click empty board or a cell'],
  ['Select a cell', 'Click it'],
  ['Edit a note', 'Double-click it'],
  ['Select several', 'Shift+click, or drag on empty board'],
  ['Move or resize', 'Drag a note, or a corner handle'],
  ['Pan', 'Space+drag, middle-drag, or scroll'],
  ['Zoom at the pointer', 'Ctrl+scroll or pinch'],
];

/** The keyboard sheet (the ? key): a facilitator's cheat sheet on the projector. */
export const ShortcutsDialog = ({ onClose }: ShortcutsDialogProps) => {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const groups = [
    ...keyHelp(isMac()).map(({ group, rows }) => ({
      group,
      rows: rows.map((row) => [row.action, row.keys]),
    })),
    { group: 'With the mouse', rows: POINTER_ROWS },
  ];
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="shortcuts">
        {groups.map(({ group, rows }) => (
          <tbody key={group}>
            <tr>
              <th scope="colgroup" colSpan={2}>
                {group}
              </th>
            </tr>
            {rows.map(([action, keys]) => (
              <tr key={action}>
                <th scope="row">{action}</th>
                <td>
                  <kbd>{keys}</kbd>
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
      <form method="dialog">
        <button type="submit" className="primary">
          Close
        </button>
      </form>
    </dialog>
  );
};
