/**
 * One map, one window. A window edits a map only while it holds the map's Web Lock; a second
 * window (tab, instance) opening the same map shows it read-only and may ask for it: the holder
 * stores every edit first, then lets go, so no edit of either window is lost. The lock is the
 * browser's own, so it is let go when its window closes or crashes.
 */
export interface MapHolds {
  /** Holds the map for this window (letting go of any other); false when another window holds it. */
  hold(mapId: string): Promise<boolean>;
  /** Lets go of the held map. */
  release(): void;
  /**
   * Asks the window holding the map to hand it over and holds it here. A holder that does not
   * answer within `handoverTimeoutMs` (hung) has the lock taken from it.
   */
  takeOver(mapId: string): Promise<void>;
  /** Tells windows showing the map read-only that it was stored, so they can show the new state. */
  announceStored(mapId: string): void;
  /** Another window took over the map this window held. */
  onLost(listener: (mapId: string) => void): () => void;
  /** The window holding a map stored it. */
  onStoredElsewhere(listener: (mapId: string) => void): () => void;
  stop(): void;
}

export interface MapHoldsOptions {
  /** Stores every pending edit; runs before the map is handed to another window. */
  readonly flush: () => Promise<void>;
  readonly locks?: LockManager | null;
  readonly channel?: BroadcastChannel | null;
  readonly handoverTimeoutMs?: number;
}

type Message = { readonly type: 'handover' | 'stored'; readonly mapId: string };

const LOCK_PREFIX = 'journeywall:map:';
export const HOLDS_CHANNEL = 'journeywall:maps';

export const createMapHolds = (options: MapHoldsOptions): MapHolds => {
  const locks = options.locks === undefined ? (globalThis.navigator?.locks ?? null) : options.locks;
  const channel =
    options.channel === undefined
      ? typeof BroadcastChannel === 'function'
        ? new BroadcastChannel(HOLDS_CHANNEL)
        : null
      : options.channel;
  const handoverTimeoutMs = options.handoverTimeoutMs ?? 5000;
  const lostListeners = new Set<(mapId: string) => void>();
  const storedListeners = new Set<(mapId: string) => void>();
  let held: { readonly mapId: string; readonly release: () => void } | null = null;

  const lose = (mapId: string): void => {
    for (const listener of lostListeners) listener(mapId);
  };

  /** Requests the lock; resolves true once held, false when `ifAvailable` found it taken. */
  const acquire = (mapId: string, mode: LockOptions): Promise<boolean> =>
    new Promise<boolean>((resolve, reject) => {
      if (!locks) return resolve(true);
      let letGo = (): void => undefined;
      const released = new Promise<void>((done) => {
        letGo = done;
      });
      const mine = { mapId, release: () => letGo() };
      locks
        .request(LOCK_PREFIX + mapId, mode, async (lock) => {
          if (!lock) return resolve(false);
          held = mine;
          resolve(true);
          await released;
        })
        .catch((error: unknown) => {
          // Taken by a window that stole it: this one must stop editing.
          if (held === mine) {
            held = null;
            lose(mapId);
          } else reject(error);
        });
    });

  const release = (): void => {
    const was = held;
    held = null;
    was?.release();
  };

  const onMessage = async (event: MessageEvent<Message>): Promise<void> => {
    const { type, mapId } = event.data;
    if (type === 'stored') {
      for (const listener of storedListeners) listener(mapId);
      return;
    }
    if (type !== 'handover' || held?.mapId !== mapId) return;
    await options.flush().catch(() => undefined);
    if (held?.mapId !== mapId) return;
    release();
    lose(mapId);
  };
  channel?.addEventListener('message', onMessage as (event: MessageEvent) => void);

  return {
    hold: async (mapId) => {
      if (held?.mapId === mapId) return true;
      release();
      return acquire(mapId, { ifAvailable: true });
    },
    release,
    takeOver: async (mapId) => {
      if (held?.mapId === mapId) return;
      release();
      channel?.postMessage({ type: 'handover', mapId } satisfies Message);
      try {
        await acquire(mapId, { signal: AbortSignal.timeout(handoverTimeoutMs) });
      } catch {
        await acquire(mapId, { steal: true });
      }
    },
    announceStored: (mapId) => channel?.postMessage({ type: 'stored', mapId } satisfies Message),
    onLost: (listener) => {
      lostListeners.add(listener);
      return () => lostListeners.delete(listener);
    },
    onStoredElsewhere: (listener) => {
      storedListeners.add(listener);
      return () => storedListeners.delete(listener);
    },
    stop: () => {
      release();
      channel?.close();
    },
  };
};
