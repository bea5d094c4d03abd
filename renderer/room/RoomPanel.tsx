import { type FormEvent, useEffect, useId, useState } from 'react';
import type { JourneywallBridge } from '../../shared/ipc/contract.ts';
import { lanesOf, stagesOf } from '../../shared/journey/layout.ts';
import { KIND_STYLES } from '../../shared/journey/note-kinds.ts';
import { hiddenNotes, roundsOf, writersOf } from '../../shared/journey/rounds/round-queries.ts';
import type { JourneyDocument } from '../../shared/model/document.ts';
import { NOTE_KINDS, type NoteKind, type RoundRecord } from '../../shared/model/journey-records.ts';
import { ROOM_LIMITS } from '../../shared/room/protocol.ts';
import { boardStore, useBoard } from '../store/index.ts';
import { startTimer } from '../timer/timer-commands.ts';
import { SidePanel } from '../ui/SidePanel.tsx';
import { RoomQr } from './RoomQr.tsx';
import {
  closeRoom,
  listNetworks,
  openRoomFor,
  removeParticipant,
  revealInbox,
  startRound,
  stopRound,
} from './room-commands.ts';
import { roomStore, useRoom } from './room-store.ts';
import './room.css';

interface RoomPanelProps {
  readonly bridge: JourneywallBridge;
  readonly onClose: () => void;
}

/**
 * The room: participants join from their phones over this laptop's network, write notes in
 * silence during a writing round, and the facilitator reveals them onto the board.
 */
export const RoomPanel = ({ bridge, onClose }: RoomPanelProps) => {
  const doc = useBoard((state) => state.doc);
  const open = useRoom((state) => state.open);
  const problem = useRoom((state) => state.problem);
  const rounds = doc ? roundsOf(doc) : [];
  const latest = rounds[0] ?? null;
  // Notes that reached an earlier round (sent late, or for a round that was undone) wait there.
  const waiting = rounds.filter((round) => round !== latest && hiddenNotes(round).length > 0);
  return (
    <SidePanel title="Room" className="room-panel" onClose={onClose}>
      {problem && (
        <p className="room-problem" role="alert">
          {problem}
        </p>
      )}
      {doc && !open && <OpenRoom bridge={bridge} mapId={doc.id} />}
      {open && <OpenedRoom bridge={bridge} url={open.info.url} code={open.info.code} />}
      {doc && latest && <RoundStatus round={latest} />}
      {waiting.map((round) => (
        <RoundStatus key={round.id} round={round} />
      ))}
      {doc && open && (!latest || latest.ended) && <StartRoundForm doc={doc} />}
    </SidePanel>
  );
};

const OpenRoom = ({ bridge, mapId }: { readonly bridge: JourneywallBridge; readonly mapId: string }) => {
  const id = useId();
  const addresses = useRoom((state) => state.addresses);
  const opening = useRoom((state) => state.opening);
  const [address, setAddress] = useState('');
  const [newAddress, setNewAddress] = useState(false);
  useEffect(() => {
    void listNetworks(bridge, roomStore);
  }, [bridge]);
  const chosen = address || addresses[0]?.address || '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen) void openRoomFor(bridge, roomStore, mapId, chosen, newAddress);
  };
  return (
    <form className="room-open" onSubmit={submit} aria-label="Open the room">
      <p className="room-hint">
        Participants join from their phone’s browser over this laptop’s network: the venue’s Wi-Fi, a travel
        router or this laptop’s hotspot. No internet, nothing to install.
      </p>
      <label htmlFor={`${id}-network`}>Network</label>
      <select id={`${id}-network`} value={chosen} onChange={(event) => setAddress(event.target.value)}>
        {addresses.map((option) => (
          <option key={option.address} value={option.address}>
            {option.name} ({option.address})
          </option>
        ))}
      </select>
      <label className="room-check" htmlFor={`${id}-new`}>
        <input
          id={`${id}-new`}
          type="checkbox"
          checked={newAddress}
          onChange={(event) => setNewAddress(event.target.checked)}
        />
        New join address: people from an earlier room of this map cannot rejoin
      </label>
      <button type="submit" className="primary" disabled={!chosen || opening}>
        {opening ? 'Opening…' : 'Open the room'}
      </button>
    </form>
  );
};

interface OpenedRoomProps {
  readonly bridge: JourneywallBridge;
  readonly url: string;
  readonly code: string;
}

const OpenedRoom = ({ bridge, url, code }: OpenedRoomProps) => {
  const participants = useRoom((state) => state.participants);
  const mapShared = useRoom((state) => state.mapShared);
  const followPresent = useRoom((state) => state.followPresent);
  const id = useId();
  return (
    <section className="room-opened" aria-label="Join the room">
      <RoomQr url={url} size={220} />
      <p className="room-url">{url}</p>
      <p className="room-code">
        Room code <strong>{code}</strong>
      </p>
      <h3>
        In the room: {participants.length} {participants.length === 1 ? 'person' : 'people'}
      </h3>
      <ul className="room-participants">
        {participants.map((participant) => (
          <li key={participant.id}>
            <span>{participant.name || 'Anonymous'}</span>
            {!participant.connected && <span className="room-away"> away</span>}
            <button
              type="button"
              className="secondary"
              aria-label={`Remove ${participant.name || 'this participant'}`}
              onClick={() => removeParticipant(bridge, roomStore, participant.id)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <label className="room-check" htmlFor={`${id}-map`}>
        <input
          id={`${id}-map`}
          type="checkbox"
          checked={mapShared}
          onChange={(event) => roomStore.setState({ mapShared: event.target.checked })}
        />
        Phones can read the map, stage by stage
      </label>
      <label className="room-check" htmlFor={`${id}-follow`}>
        <input
          id={`${id}-follow`}
          type="checkbox"
          checked={followPresent}
          onChange={(event) => roomStore.setState({ followPresent: event.target.checked })}
        />
        Phones follow present mode’s stage
      </label>
      <button type="button" className="secondary" onClick={() => void closeRoom(bridge, roomStore)}>
        Close the room
      </button>
    </section>
  );
};

/** The newest round: its prompt, what waits in its inbox (counts only: the screen may be projected), the reveal. */
const RoundStatus = ({ round }: { readonly round: RoundRecord }) => {
  const id = useId();
  const [keepNames, setKeepNames] = useState(false);
  const hidden = hiddenNotes(round);
  const writers = writersOf(hidden);
  return (
    <section className="room-round" aria-label="Writing round">
      <h3>{round.ended ? 'Writing round ended' : 'Writing round open'}</h3>
      <p className="room-prompt">{round.prompt}</p>
      <p className="room-inbox" aria-live="polite">
        Inbox: {hidden.length} {hidden.length === 1 ? 'note' : 'notes'}
        {hidden.length > 0 && ` from ${writers} ${writers === 1 ? 'person' : 'people'}`}, hidden until
        revealed
      </p>
      {!round.ended && (
        <button type="button" className="secondary" onClick={() => stopRound(boardStore, round.id)}>
          End the round
        </button>
      )}
      {hidden.length > 0 && (
        <>
          <label className="room-check" htmlFor={`${id}-names`}>
            <input
              id={`${id}-names`}
              type="checkbox"
              checked={keepNames}
              onChange={(event) => setKeepNames(event.target.checked)}
            />
            Keep who wrote each note
          </label>
          <button
            type="button"
            className="primary"
            onClick={() => revealInbox(boardStore, round.id, keepNames)}
          >
            Reveal {hidden.length} {hidden.length === 1 ? 'note' : 'notes'}
          </button>
        </>
      )}
    </section>
  );
};

const StartRoundForm = ({ doc }: { readonly doc: JourneyDocument }) => {
  const id = useId();
  const stages = stagesOf(doc);
  const lanes = lanesOf(doc);
  const [prompt, setPrompt] = useState('');
  const [stageId, setStageId] = useState('');
  const [laneId, setLaneId] = useState('');
  const [kinds, setKinds] = useState<readonly NoteKind[]>(['note']);
  const [minutes, setMinutes] = useState(5);
  const toggleKind = (kind: NoteKind, on: boolean) =>
    setKinds(on ? [...kinds, kind] : kinds.filter((chosen) => chosen !== kind));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    startRound(boardStore, {
      prompt,
      stageId: stageId || null,
      laneId: laneId || null,
      kinds,
      minutes: minutes || null,
    });
    if (minutes > 0) void startTimer(minutes);
  };
  return (
    <form className="room-round-form" onSubmit={submit} aria-label="Open a writing round">
      <h3>New writing round</h3>
      <label htmlFor={`${id}-prompt`}>Prompt</label>
      <input
        id={`${id}-prompt`}
        value={prompt}
        maxLength={ROOM_LIMITS.promptLength}
        placeholder="What happens before they call us?"
        onChange={(event) => setPrompt(event.target.value)}
      />
      <label htmlFor={`${id}-stage`}>Stage</label>
      <select id={`${id}-stage`} value={stageId} onChange={(event) => setStageId(event.target.value)}>
        <option value="">Every stage (each writer chooses)</option>
        {stages.map((stage) => (
          <option key={stage.id} value={stage.id}>
            {stage.name || 'Untitled'}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-lane`}>Lane</label>
      <select id={`${id}-lane`} value={laneId} onChange={(event) => setLaneId(event.target.value)}>
        <option value="">Every lane (each writer chooses)</option>
        {lanes.map((lane) => (
          <option key={lane.id} value={lane.id}>
            {lane.name || 'Untitled'}
          </option>
        ))}
      </select>
      <fieldset className="room-kinds">
        <legend>Kinds of note</legend>
        {NOTE_KINDS.map((kind) => (
          <label key={kind}>
            <input
              type="checkbox"
              checked={kinds.includes(kind)}
              disabled={kinds.length === 1 && kinds.includes(kind)}
              onChange={(event) => toggleKind(kind, event.target.checked)}
            />
            {KIND_STYLES[kind].label}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-minutes`}>Minutes (0 for no time limit)</label>
      <input
        id={`${id}-minutes`}
        type="number"
        min={0}
        max={120}
        value={minutes}
        onChange={(event) => setMinutes(Math.max(0, Number(event.target.value) || 0))}
      />
      <button type="submit" className="primary">
        Open the writing round
      </button>
    </form>
  );
};
