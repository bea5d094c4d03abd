import { useEffect } from 'react';
import { CONNECTED_LABELS } from '../../shared/journey/connected.ts';
import { lanesOf } from '../../shared/journey/layout.ts';
import { setLaneHidden } from '../../shared/journey/structure-edits.ts';
import { mapRecordOf } from '../../shared/model/document.ts';
import { CONNECTED_TYPES, type ConnectedType } from '../../shared/model/journey-records.ts';
import { updateRecord } from '../../shared/model/update.ts';
import { addHeaderNear } from '../board/header-commands.ts';
import { boardStore, useBoard } from '../store/index.ts';
import { usePanelKeys } from '../ui/panel-focus.ts';

interface StructureMenuProps {
  readonly onClose: () => void;
}

/** Places the map on the connected-experience continuum (seed 000), or takes it off: one undo step. */
const setConnectedType = (type: ConnectedType | ''): void =>
  boardStore.getState().edit('Change connected experience', (draft) => {
    const map = draft.records[draft.id];
    if (map?.type === 'map') draft.records[draft.id] = updateRecord(map, { connectedType: type || null });
  });

/** Adds stages and lanes, and shows or hides each lane (a facilitator hides what the client won't use). */
export const StructureMenu = ({ onClose }: StructureMenuProps) => {
  const doc = useBoard((state) => state.doc);
  // Escape gives the focus back to the button that opened the menu, just before it.
  const menu = usePanelKeys<HTMLFieldSetElement>(() => {
    if (menu.ref.current?.previousElementSibling instanceof HTMLElement)
      menu.ref.current.previousElementSibling.focus();
    onClose();
  });
  const { ref } = menu;
  useEffect(() => {
    const close = (event: PointerEvent) => {
      if (!ref.current?.parentElement?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', close);
    return () => window.removeEventListener('pointerdown', close);
  }, [onClose, ref]);
  if (!doc) return null;
  const map = mapRecordOf(doc);
  return (
    <fieldset className="menu-items menu-up" aria-label="Stages and lanes" {...menu}>
      <button type="button" onClick={() => addHeaderNear(boardStore, 'stage')}>
        Add a stage
      </button>
      <button type="button" onClick={() => addHeaderNear(boardStore, 'lane')}>
        Add a lane
      </button>
      <label className="inline-field connected-field">
        <span>Connected experience</span>
        <select
          value={map.connectedType ?? ''}
          onChange={(event) => setConnectedType(event.target.value as ConnectedType | '')}
        >
          <option value="">Not placed</option>
          {CONNECTED_TYPES.map((type) => (
            <option key={type} value={type}>
              {CONNECTED_LABELS[type]}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="lane-list">
        <legend>Lanes shown</legend>
        {lanesOf(doc).map((lane) => (
          <label key={lane.id} className="inline-field checkbox">
            <input
              type="checkbox"
              checked={!lane.hidden}
              onChange={(event) =>
                boardStore
                  .getState()
                  .edit(event.target.checked ? 'Show lane' : 'Hide lane', (draft) =>
                    setLaneHidden(draft, lane.id, !event.target.checked),
                  )
              }
            />
            <span>{lane.name}</span>
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
};
