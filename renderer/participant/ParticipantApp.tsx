import { type FormEvent, useState } from 'react';
import { ROOM_LIMITS } from '../../shared/room/protocol.ts';
import { joinAs, keptParticipant, type Participant } from './device.ts';
import { type KeptStorage, keptKey, readKept, writeKept } from './kept.ts';
import type { RoomAddress } from './room-address.ts';
import type { RoomSocketConstructor, RoomStatus } from './room-connection.ts';
import { useRoom } from './use-room.ts';
import { WritingRound } from './WritingRound.tsx';
import './participant.css';
import { PhoneMap } from './PhoneMap.tsx';
import { ScreenTimer } from './ScreenTimer.tsx';
import { VotingView } from './VotingView.tsx';

interface ParticipantAppProps {
  /** Null when the page was opened at an address that is not a room's join address. */
  readonly address: RoomAddress | null;
  readonly storage: KeptStorage | null;
  /** Tests pass a fake laptop. */
  readonly WebSocket?: RoomSocketConstructor;
}

/** The page a participant's phone opens from the room's QR code: join, then write notes. */
export const ParticipantApp = ({ address, storage, WebSocket }: ParticipantAppProps) => {
  const [participant, setParticipant] = useState(() => address && keptParticipant(storage, address.token));
  if (!address) {
    return (
      <main className="participant">
        <h1>Journeywall</h1>
        <p className="notice">
          This is not a room's join address. Scan the QR code on the facilitator's screen again.
        </p>
      </main>
    );
  }
  if (!participant) {
    return <JoinForm onJoin={(name) => setParticipant(joinAs(storage, address.token, name))} />;
  }
  return <InRoom address={address} participant={participant} storage={storage} WebSocket={WebSocket} />;
};

const JoinForm = ({ onJoin }: { readonly onJoin: (name: string) => void }) => {
  const [name, setName] = useState('');
  const join = (event: FormEvent) => {
    event.preventDefault();
    onJoin(name);
  };
  return (
    <main className="participant">
      <h1>Join the workshop</h1>
      <p>Write sticky notes for the journey map from this phone.</p>
      <form className="join-form" onSubmit={join}>
        <label className="field">
          <span>Your name (optional)</span>
          <input
            value={name}
            maxLength={ROOM_LIMITS.nameLength}
            autoComplete="nickname"
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <p className="hint">The facilitator sees it beside your notes. Leave it empty to stay anonymous.</p>
        <button type="submit" className="primary">
          Join
        </button>
      </form>
    </main>
  );
};

interface InRoomProps {
  readonly address: RoomAddress;
  readonly participant: Participant;
  readonly storage: KeptStorage | null;
  readonly WebSocket: RoomSocketConstructor | undefined;
}

const InRoom = ({ address, participant, storage, WebSocket }: InRoomProps) => {
  const room = useRoom(address, participant, storage, WebSocket);
  const draft = useKeptDraft(storage, address.token);
  const turnedAway = room.status === 'removed' || room.status === 'full';
  const name = room.welcome?.name ?? participant.name;
  return (
    <main className="participant">
      <header className="room-header">
        <h1>{room.welcome ? `Room ${room.welcome.code}` : 'Journeywall'}</h1>
        {name && <p className="who">Writing as {name}</p>}
      </header>
      <StatusLine status={room.status} kept={room.outbox.kept} />
      {room.status === 'full' && (
        <button type="button" className="secondary" onClick={room.retry}>
          Try again
        </button>
      )}
      {!room.outbox.kept && (
        <p className="notice">
          This browser does not let the page store your notes (private browsing or full storage): they are
          kept only while this page is open.
        </p>
      )}
      {!turnedAway && room.screen?.timer && !room.round?.endsAt && <ScreenTimer timer={room.screen.timer} />}
      {!turnedAway && room.vote && (
        <VotingView vote={room.vote} dots={room.dots} sent={room.dotsSent} onDots={room.setDots} />
      )}
      {!turnedAway && room.round === null && !room.vote && (
        <p className="waiting">Waiting for the facilitator to open a writing round</p>
      )}
      {!turnedAway && room.round && (
        <WritingRound
          round={room.round}
          draft={draft.text}
          onDraft={draft.change}
          written={room.outbox.notes.filter(({ note }) => note.roundId === room.round?.id)}
          onSend={room.send}
        />
      )}
      {!turnedAway && room.map && <PhoneMap map={room.map} follow={room.screen?.follow ?? null} />}
    </main>
  );
};

/** The note being typed survives a reload: a sentence half typed is not lost either. */
const useKeptDraft = (storage: KeptStorage | null, token: string) => {
  const key = keptKey(token, 'draft');
  const [text, setText] = useState(() => {
    const kept = readKept(storage, key);
    return typeof kept === 'string' ? kept : '';
  });
  const change = (next: string) => {
    setText(next);
    writeKept(storage, key, next);
  };
  return { text, change };
};

const StatusLine = ({ status, kept }: { readonly status: RoomStatus; readonly kept: boolean }) => (
  <div className={`status ${status}`} role="status">
    {status === 'connecting' && 'Connecting…'}
    {status === 'connected' && 'Connected'}
    {status === 'reconnecting' &&
      (kept
        ? 'Reconnecting… your notes are kept on this phone and sent when the room is back'
        : 'Reconnecting… your notes are sent when the room is back')}
    {status === 'replaced' && 'The room is open in another tab on this phone.'}
    {status === 'removed' && 'The facilitator removed you from this room.'}
    {status === 'full' && 'This room is full. Ask the facilitator.'}
  </div>
);
