import { useEffect, useRef } from 'react';
import { lanesOf } from '../../shared/journey/layout.ts';
import { setLaneHidden } from '../../shared/journey/structure-edits.ts';
import { addStructureNear } from '../board/structure-commands.ts';
import { boardStore, useBoard } from '../store/index.ts';

interface StructureMenuProps {
  readonly onClose: () => void;
}

/** Adds stages and lanes, and shows or hides each lane (a facilitator hides what the client won't use). */
export const StructureMenu = ({ onClose }: StructureMenuProps) => {
  const doc = useBoard((state) => state.doc);
  const ref = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    const close = (event: PointerEvent) => {
      if (!ref.current?.parentElement?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', close);
    return () => window.removeEventListener('pointerdown', close);
  }, [onClose]);
  if (!doc) return null;
  return (
    <fieldset className="menu-items menu-up" ref={ref} aria-label="Stages and lanes">
      <button type="button" onClick={() => addStructureNear(boardStore, 'stage')}>
        Add a stage
      </button>
      <button type="button" onClick={() => addStructureNear(boardStore, 'lane')}>
        Add a lane
      </button>
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
