import { Copy, Pencil, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { MapSummary } from '../db/journeywall-db.ts';
import { ToolButton } from '../ui/ToolButton.tsx';

interface MapCardProps {
  readonly map: MapSummary;
  readonly onOpen: () => void;
  readonly onRename: (name: string) => void;
  readonly onDuplicate: () => void;
  readonly onDelete: () => void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const notesWord = (count: number): string =>
  `${count.toLocaleString('en')} ${count === 1 ? 'note' : 'notes'}`;

/** "15 notes", or per scenario where more than one holds notes: "Current: 12 notes · Ideal: 4 notes". */
export const noteCountWords = (map: Pick<MapSummary, 'noteCount' | 'scenarioNotes'>): string =>
  map.scenarioNotes && map.scenarioNotes.length > 1
    ? map.scenarioNotes.map((scenario) => `${scenario.name}: ${notesWord(scenario.notes)}`).join(' · ')
    : notesWord(map.noteCount);

/** One map in the library: open it, rename it in place, duplicate it, delete it. */
export const MapCard = ({ map, onOpen, onRename, onDuplicate, onDelete }: MapCardProps) => {
  const [renaming, setRenaming] = useState(false);
  return (
    <li className="map-card">
      {renaming ? (
        <input
          className="map-card-rename"
          aria-label={`New name for ${map.name}`}
          defaultValue={map.name}
          maxLength={200}
          // biome-ignore lint/a11y/noAutofocus: the user just asked to rename this map
          autoFocus
          onFocus={(event) => event.currentTarget.select()}
          onBlur={(event) => {
            onRename(event.currentTarget.value);
            setRenaming(false);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.currentTarget.blur();
            if (event.key === 'Escape') setRenaming(false);
          }}
        />
      ) : (
        <button type="button" className="map-card-open" onClick={onOpen} aria-label={`Open ${map.name}`}>
          <span className="map-card-name">{map.name}</span>
          <span className="map-card-meta">
            {noteCountWords(map)} · edited {dateFormat.format(map.updated)}
          </span>
        </button>
      )}
      <div className="map-card-actions">
        <ToolButton label={`Rename ${map.name}`} title="Rename" onClick={() => setRenaming(true)}>
          <Pencil aria-hidden />
        </ToolButton>
        <ToolButton label={`Duplicate ${map.name}`} title="Duplicate" onClick={onDuplicate}>
          <Copy aria-hidden />
        </ToolButton>
        <ToolButton label={`Delete ${map.name}`} title="Delete (can be undone)" onClick={onDelete}>
          <Trash2 aria-hidden />
        </ToolButton>
      </div>
    </li>
  );
};
