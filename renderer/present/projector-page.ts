import type { KeyPress } from '../board/shortcuts.ts';
import { runningVote } from '../board/vote-dots.ts';
import { roomStore } from '../room/room-store.ts';
import type { BoardStore } from '../store/index.ts';
import type { PresentStatusReport } from './PresentView.tsx';
import type { PresentStore } from './present-store.ts';
import type { PresentVoting } from './present-vote-keys.ts';
import { applyDelta, isToProjector, projectorChannelName, type ToBoard } from './projector-protocol.ts';

/** What the projector window's present view is given to be driven from the board window. */
export interface ProjectorPage {
  readonly voting: PresentVoting;
  readonly remoteKeys: (listener: (key: KeyPress) => void) => () => void;
  readonly reportStatus: (status: PresentStatusReport) => void;
  /** Escape with nothing left to close: the projector window closes, as a slide show ends. */
  readonly leave: () => void;
  readonly stop: () => void;
}

/**
 * The projector window's side: it says hello, then shows the map the board window sends,
 * following each edit's records; keys from the board window's bar are run as present mode's
 * own, and votes given here are sent to the board window, which holds the map. `store` is kept
 * read-only (held elsewhere), so nothing here can edit or save the map.
 */
export const startProjectorPage = (
  id: string,
  board: BoardStore,
  present: PresentStore,
  closeWindow: () => void,
): ProjectorPage => {
  const channel = new BroadcastChannel(projectorChannelName(id));
  const send = (message: ToBoard) => channel.postMessage(message);
  const keyListeners = new Set<(key: KeyPress) => void>();
  board.getState().setHeldElsewhere(true);
  present.getState().enter();

  channel.addEventListener('message', ({ data }: MessageEvent) => {
    if (!isToProjector(data)) return;
    const state = board.getState();
    switch (data.kind) {
      case 'map':
        state.loadDocument(data.doc);
        if (data.scenarioId) board.getState().setScenario(data.scenarioId);
        return;
      case 'records':
        if (state.doc?.id !== data.mapId) return send({ kind: 'hello' });
        state.follow(applyDelta(state.doc, data.put, data.removed), [
          ...Object.keys(data.put),
          ...data.removed,
        ]);
        if (data.scenarioId) board.getState().setScenario(data.scenarioId);
        return;
      case 'key':
        for (const listener of keyListeners) listener(data.key);
        return;
      case 'room':
        roomStore.setState({ open: data.room });
        return;
      case 'close':
        return closeWindow();
    }
  });
  const onPageHide = () => send({ kind: 'bye' });
  window.addEventListener('pagehide', onPageHide);
  send({ kind: 'hello' });

  return {
    voting: {
      dot: (noteId, adding) => send({ kind: 'vote', action: adding ? 'add' : 'remove', noteId }),
      nextVoter: () => send({ kind: 'vote', action: 'next-voter' }),
      reveal: () => {
        const { doc, scenarioId, changes } = board.getState();
        send({ kind: 'vote', action: 'reveal' });
        return doc !== null && scenarioId !== null && runningVote(doc, scenarioId, changes) !== null;
      },
    },
    remoteKeys: (listener) => {
      keyListeners.add(listener);
      return () => keyListeners.delete(listener);
    },
    reportStatus: (status) => send({ kind: 'status', status }),
    leave: () => {
      send({ kind: 'bye' });
      closeWindow();
    },
    stop: () => {
      window.removeEventListener('pagehide', onPageHide);
      channel.close();
    },
  };
};
