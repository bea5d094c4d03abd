import { type DBCore, Dexie } from 'dexie';
import { firstScenarioId, type JourneyDocument } from '../../shared/model/document.ts';
import { addNote, type MutableDocument, newMapDocument } from '../../shared/model/edits.ts';
import { NOTE_COLORS } from '../../shared/model/records.ts';
import { JourneywallDb } from './journeywall-db.ts';

/**
 * Test support for the browser suites: every test gets a library of its own in the real
 * IndexedDB, deleted afterwards, and middlewares that watch or break its writes.
 */

const opened: JourneywallDb[] = [];

export const createTestDb = (name = `journeywall-test-${crypto.randomUUID()}`): JourneywallDb => {
  const db = new JourneywallDb(name);
  opened.push(db);
  return db;
};

/** Closes and deletes every library the test opened (call from afterEach). */
export const deleteTestDbs = async (): Promise<void> => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  // A closed connection lingers until its last transaction completes; deleting earlier is "blocked".
  await new Promise((resolve) => setTimeout(resolve, 10));
  for (const name of new Set(dbs.map((db) => db.name))) await Dexie.delete(name);
};

type Mutate = ReturnType<DBCore['table']>['mutate'];

/** Runs every write of every table through `wrap` (a DBCore middleware named `name`). */
const wrapWrites = (
  db: JourneywallDb,
  name: string,
  wrap: (table: string, mutate: Mutate) => Mutate,
): void => {
  db.use({
    stack: 'dbcore',
    name,
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        return { ...table, mutate: wrap(tableName, (request) => table.mutate(request)) };
      },
    }),
  });
};

/** Counts the rows put into each table (installed before the first query). */
export const countPuts = (db: JourneywallDb): Map<string, number> => {
  const puts = new Map<string, number>();
  wrapWrites(db, 'count-puts', (table, mutate) => (request) => {
    if (request.type === 'put' || request.type === 'add')
      puts.set(table, (puts.get(table) ?? 0) + request.values.length);
    return mutate(request);
  });
  return puts;
};

/** Makes every write fail the way a full disk does, until cleared. */
export const injectQuotaFault = (db: JourneywallDb): { failing: boolean } => {
  const fault = { failing: false };
  wrapWrites(
    db,
    'quota-fault',
    (_table, mutate) => (request) =>
      fault.failing
        ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
        : mutate(request),
  );
  return fault;
};

/** Pushes 'commit' (with its time) when a read-write transaction has completed. */
export const logCommits = (db: JourneywallDb, log: { event: string; at: number }[]): void => {
  db.use({
    stack: 'dbcore',
    name: 'log-commits',
    create: (down) => ({
      ...down,
      transaction: (stores, mode, options) => {
        const transaction = down.transaction(stores, mode, options);
        if (mode === 'readwrite' && transaction instanceof IDBTransaction) {
          transaction.addEventListener('complete', () =>
            log.push({ event: 'commit', at: performance.now() }),
          );
        }
        return transaction;
      },
    }),
  });
};

/** A map with `count` notes laid out in a grid, made the way the app adds notes. */
export const documentWithNotes = (name: string, count: number, now = Date.now()): JourneyDocument => {
  const base = newMapDocument(name, now);
  const doc: MutableDocument = { id: base.id, records: { ...base.records } };
  // Scenario and stacking order given: addNote looking them up would scan the map for every note.
  const scenarioId = firstScenarioId(doc);
  for (let i = 0; i < count; i++) {
    const color = NOTE_COLORS[i % NOTE_COLORS.length];
    addNote(
      doc,
      { x: (i % 100) * 200, y: Math.floor(i / 100) * 140, text: `Note ${i}`, color, scenarioId },
      now,
      i + 1,
    );
  }
  return doc;
};
