import { useId, useState } from 'react';
import { KIND_STYLES } from '../../shared/journey/note-kinds.ts';
import type { MapView } from '../../shared/room/protocol.ts';

interface PhoneMapProps {
  readonly map: MapView;
  /** The stage the room's screen shows, when the facilitator lets phones follow it. */
  readonly follow: string | null;
}

/**
 * The map to read on the phone, one stage at a time: its lanes and their notes as a list, not
 * the canvas. It follows the stage on the room's screen unless the participant picks another.
 */
export const PhoneMap = ({ map, follow }: PhoneMapProps) => {
  const id = useId();
  const [picked, setPicked] = useState<string | null>(null);
  const following = picked === null && follow !== null;
  const stageId = picked ?? follow ?? map.stages[0]?.id ?? null;
  const stage = map.stages.find((candidate) => candidate.id === stageId) ?? map.stages[0];
  return (
    <section className="phone-map" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {map.name}
        {map.scenario && <span className="scenario"> · {map.scenario}</span>}
      </h2>
      <div className="field choice">
        <label htmlFor={`${id}-stage`}>Read stage</label>
        <select
          id={`${id}-stage`}
          value={stage?.id ?? ''}
          onChange={(event) => setPicked(event.target.value)}
        >
          {map.stages.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
      </div>
      {following && <p className="hint">Following the screen</p>}
      {picked !== null && follow !== null && (
        <button type="button" className="secondary" onClick={() => setPicked(null)}>
          Follow the screen
        </button>
      )}
      {stage && stage.lanes.length === 0 && <p className="hint">No notes in this stage yet.</p>}
      {stage?.lanes.map((lane) => (
        <div key={lane.name} className="map-lane">
          <h3>{lane.name}</h3>
          <ul>
            {lane.notes.map((note) => (
              <li key={note.id} className={`map-note kind-${note.kind}`}>
                {note.text}
                {note.kind !== 'note' && <span className="vote-where">{KIND_STYLES[note.kind].label}</span>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
};
