import { useEffect } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { JourneywallBridge } from '../../shared/ipc/contract.ts';
import { newId } from '../../shared/model/ids.ts';
import type { KeyPress } from '../board/shortcuts.ts';
import { roomStore } from '../room/room-store.ts';
import { shownStageStore } from '../room/shown-stage.ts';
import type { BoardStore } from '../store/index.ts';
import { showNotice } from '../ui/notice-store.ts';
import type { PresentStatusReport } from './PresentView.tsx';
import { localVoting } from './present-vote-keys.ts';
import {
  isToBoard,
  projectorChannelName,
  recordsDelta,
  type ToBoard,
  type ToProjector,
} from './projector-protocol.ts';

/**
 * The board window's side of the projector window: whether one is open, what it shows, and the
 * channel that keeps its copy of the map up to date (useProjectorHost).
 */
interface ProjectorHostState {
  /** The open projector window's id (its channel's name); null: none is open. */
  readonly id: string | null;
  /** What it shows, as it last said; null until it has drawn the map. */
  readonly status: PresentStatusReport | null;
}

const CLOSED: ProjectorHostState = { id: null, status: null };

export const projectorStore = createStore<ProjectorHostState>(() => CLOSED);

export const useProjector = <T>(selector: (state: ProjectorHostState) => T): T =>
  useStore(projectorStore, selector);

type ProjectorBridge = Pick<JourneywallBridge, 'openProjector' | 'closeProjector'>;

const COULD_NOT_OPEN =
  'The projector window could not be opened. In a browser, allow pop-ups for Journeywall; or present on this screen with F5.';

/** Opens the projector window, or closes the one that is open. */
export const toggleProjector = async (bridge: ProjectorBridge): Promise<void> => {
  if (projectorStore.getState().id) return closeProjector(bridge);
  const id = newId();
  projectorStore.setState({ id, status: null });
  const opened = await bridge.openProjector(id).catch(() => false);
  if (opened) return;
  if (projectorStore.getState().id === id) projectorStore.setState(CLOSED);
  showNotice(COULD_NOT_OPEN);
};

/** Closes the projector window (its channel tells it, and the shell closes the window). */
export const closeProjector = async (bridge: ProjectorBridge): Promise<void> => {
  projectorStore.setState(CLOSED);
  await bridge.closeProjector().catch(() => undefined);
};

/** The keys sent to the projector window, as its bar's buttons and a clicker press them. */
export const projectorKey = (key: string, shiftKey = false): KeyPress => ({
  key,
  code: '',
  shiftKey,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
});

let channel: BroadcastChannel | null = null;

/** Sends a key to the open projector window, which runs it as if pressed there. */
export const sendProjectorKey = (key: KeyPress): void => {
  const message: ToProjector = { kind: 'key', key };
  channel?.postMessage(message);
};

/**
 * While a projector window is open, keeps it showing this board's map: the whole map when it
 * says hello or another map is opened, then each edit's changed records; and runs the votes
 * given on it as this board's own vote commands.
 */
export const useProjectorHost = (board: BoardStore): void => {
  const id = useProjector((state) => state.id);
  useEffect(() => {
    if (!id) return;
    const open = new BroadcastChannel(projectorChannelName(id));
    channel = open;
    const send = (message: ToProjector) => open.postMessage(message);
    const voting = localVoting(board);
    let sent = board.getState();
    const sendMap = () => {
      sent = board.getState();
      send({ kind: 'map', doc: sent.doc, scenarioId: sent.scenarioId });
      send({ kind: 'room', room: roomStore.getState().open });
    };
    const stopRoom = roomStore.subscribe((state, previous) => {
      if (state.open !== previous.open) send({ kind: 'room', room: state.open });
    });
    const stopFollowing = board.subscribe((state) => {
      if (state.doc === sent.doc && state.scenarioId === sent.scenarioId) return;
      if (!state.doc || state.doc.id !== sent.doc?.id) return sendMap();
      const { put, removed } = recordsDelta(sent.doc.records, state.doc.records);
      sent = state;
      send({ kind: 'records', mapId: state.doc.id, put, removed, scenarioId: state.scenarioId });
    });
    const onMessage = ({ data }: MessageEvent) => {
      if (!isToBoard(data)) return;
      runMessage(data);
    };
    const runMessage = (message: ToBoard) => {
      switch (message.kind) {
        case 'hello':
          return sendMap();
        case 'status':
          shownStageStore.setState({ stageId: message.status.stageId });
          return projectorStore.setState({ status: message.status });
        case 'bye':
          shownStageStore.setState({ stageId: null });
          return projectorStore.setState(CLOSED);
        case 'vote':
          if (message.action === 'add' || message.action === 'remove')
            return voting.dot(message.noteId, message.action === 'add');
          if (message.action === 'next-voter') return voting.nextVoter();
          return void voting.reveal();
      }
    };
    open.addEventListener('message', onMessage);
    // Closing or reloading the board window takes the projector window with it.
    const onPageHide = () => send({ kind: 'close' });
    window.addEventListener('pagehide', onPageHide);
    sendMap();
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      stopFollowing();
      stopRoom();
      send({ kind: 'close' });
      open.close();
      if (channel === open) channel = null;
    };
  }, [id, board]);
};
