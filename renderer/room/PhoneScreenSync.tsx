import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import type { JourneywallBridge } from '../../shared/ipc/contract.ts';
import { phoneMap } from '../../shared/journey/phone-map.ts';
import type { TimerView } from '../../shared/room/protocol.ts';
import type { JourneywallDb } from '../db/journeywall-db.ts';
import type { BoardStore } from '../store/index.ts';
import type { TimerState } from '../timer/timer-model.ts';
import { readTimer } from '../timer/timer-storage.ts';
import type { RoomStore } from './room-store.ts';
import { sendWhenChanged } from './send-when-changed.ts';
import { shownStageStore } from './shown-stage.ts';

/** A large map's view is a few hundred kB: phones get it at most this often while it changes. */
const MAP_EVERY_MS = 1000;

const timerView = (state: TimerState | undefined): TimerView | null => {
  switch (state?.status) {
    case 'running':
      return { status: 'running', endsAt: state.endsAt };
    case 'paused':
      return { status: 'paused', remainingMs: state.remainingMs };
    case 'finished':
      return { status: 'finished' };
    default:
      return null;
  }
};

interface PhoneScreenSyncProps {
  readonly bridge: JourneywallBridge;
  readonly db: JourneywallDb;
  readonly room: RoomStore;
  readonly board: BoardStore;
}

/**
 * While the room is open, sends phones what the room's screen shows: the workshop timer, the
 * stage present mode is on (when the facilitator lets phones follow it), and the map itself
 * (when shared), at most once a second while it changes. Renders nothing.
 */
export const PhoneScreenSync = ({ bridge, db, room, board }: PhoneScreenSyncProps) => {
  const timer = useLiveQuery(() => readTimer(db), [db]);

  useEffect(() => {
    const screen = sendWhenChanged(bridge.setRoomScreen.bind(bridge));
    const send = () => {
      const { open, followPresent } = room.getState();
      if (!open) return;
      screen.send({
        timer: timerView(timer),
        follow: followPresent ? shownStageStore.getState().stageId : null,
      });
    };
    send();
    const stopStage = shownStageStore.subscribe(send);
    const stopRoom = room.subscribe((state, previous) => {
      if (state.open !== previous.open) screen.forget();
      send();
    });
    return () => {
      stopStage();
      stopRoom();
    };
  }, [bridge, room, timer]);

  useEffect(() => {
    let shown: { doc: unknown; scenarioId: string | null; shared: boolean } | null = null;
    let timeout: ReturnType<typeof setTimeout> | null = null;
    let lastSent = 0;
    // Most edits (a note arriving in the inbox, a ballot, a move) leave what phones read alone.
    const mapView = sendWhenChanged(bridge.setRoomMap.bind(bridge));
    const send = () => {
      timeout = null;
      lastSent = Date.now();
      const { doc, scenarioId } = board.getState();
      const { open, mapShared } = room.getState();
      shown = { doc, scenarioId, shared: mapShared };
      if (!open) return;
      mapView.send(
        mapShared && doc && scenarioId && doc.id === open.mapId ? phoneMap(doc, scenarioId) : null,
      );
    };
    const schedule = () => {
      const { doc, scenarioId } = board.getState();
      const { mapShared } = room.getState();
      if (shown && shown.doc === doc && shown.scenarioId === scenarioId && shown.shared === mapShared) return;
      if (timeout !== null) return;
      timeout = setTimeout(send, Math.max(0, lastSent + MAP_EVERY_MS - Date.now()));
    };
    const stopBoard = board.subscribe(schedule);
    const stopRoom = room.subscribe((state, previous) => {
      if (state.open !== previous.open) {
        shown = null;
        mapView.forget();
      }
      schedule();
    });
    schedule();
    return () => {
      stopBoard();
      stopRoom();
      if (timeout !== null) clearTimeout(timeout);
    };
  }, [bridge, room, board]);

  return null;
};
