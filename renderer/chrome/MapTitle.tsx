import { useRef, useState } from 'react';
import { mapRecordOf } from '../../shared/model/document.ts';
import { renameMap } from '../../shared/model/edits.ts';
import { boardStore, useBoard } from '../store/index.ts';

/** The open map's name, renamed in place (one undo step). */
export const MapTitle = () => {
  const name = useBoard((state) => (state.doc ? mapRecordOf(state.doc).name : ''));
  const [draft, setDraft] = useState<string | null>(null);
  const cancelled = useRef(false);
  const commit = () => {
    if (!cancelled.current && draft !== null && draft.trim() && draft !== name)
      boardStore.getState().edit('Rename map', (d) => renameMap(d, draft));
    cancelled.current = false;
    setDraft(null);
  };
  return (
    <input
      className="map-title"
      size={Math.max(12, Math.min(40, (draft ?? name).length + 1))}
      aria-label="Map name"
      value={draft ?? name}
      maxLength={200}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur();
        if (event.key === 'Escape') {
          cancelled.current = true;
          event.currentTarget.blur();
        }
      }}
    />
  );
};
