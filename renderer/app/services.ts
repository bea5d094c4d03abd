import type { JourneywallBridge } from '../../shared/ipc/contract.ts';
import { getBridge } from '../bridge/get-bridge.ts';
import { JourneywallDb } from '../db/journeywall-db.ts';
import { createMapHolds, type MapHolds } from '../persistence/map-holds.ts';
import { type Persistence, startPersistence } from '../persistence/start-persistence.ts';
import { boardStore } from '../store/index.ts';
import { showNotice } from '../ui/notice-store.ts';

/** The app's long-lived services, created once at start-up. */
export interface Services {
  readonly db: JourneywallDb;
  readonly bridge: JourneywallBridge;
  readonly persistence: Persistence;
  readonly holds: MapHolds;
}

let services: Services | null = null;

export const appServices = (): Services => {
  if (!services) {
    const db = new JourneywallDb();
    const bridge = getBridge();
    const holds = createMapHolds({ flush: () => persistence.flush() });
    const persistence = startPersistence({
      db,
      store: boardStore,
      bridge,
      notify: showNotice,
      onSaved: holds.announceStored,
    });
    services = { db, bridge, persistence, holds };
  }
  return services;
};
