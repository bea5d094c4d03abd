import type { JourneywallBridge } from '../../shared/ipc/contract.ts';
import { getBridge } from '../bridge/get-bridge.ts';
import { JourneywallDb } from '../db/journeywall-db.ts';
import { type Persistence, startPersistence } from '../persistence/start-persistence.ts';
import { boardStore } from '../store/index.ts';

/** The app's long-lived services, created once at start-up. */
export interface Services {
  readonly db: JourneywallDb;
  readonly bridge: JourneywallBridge;
  readonly persistence: Persistence;
}

let services: Services | null = null;

export const appServices = (): Services => {
  if (!services) {
    const db = new JourneywallDb();
    const bridge = getBridge();
    services = { db, bridge, persistence: startPersistence({ db, store: boardStore, bridge }) };
  }
  return services;
};
