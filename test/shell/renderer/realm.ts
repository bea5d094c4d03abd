/**
 * Copies values between JavaScript realms (the preload's vm context and Node's own). Electron
 * deserialises IPC messages and contextBridge values in the receiving world, so there a
 * Uint8Array is that world's Uint8Array and `instanceof` checks hold; copying keeps that true.
 */
import { runInContext } from 'node:vm';

export interface Realm {
  readonly Object: ObjectConstructor;
  readonly Array: ArrayConstructor;
  readonly ArrayBuffer: ArrayBufferConstructor;
  readonly Date: DateConstructor;
  readonly Map: MapConstructor;
  readonly Set: SetConstructor;
  readonly Error: ErrorConstructor;
  readonly [typedArray: string]: unknown;
}

const TYPED_ARRAYS = [
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
  'DataView',
];

export const nodeRealm = globalThis as unknown as Realm;

export function realmOf(context: object): Realm {
  return runInContext(
    `({ Object, Array, ArrayBuffer, Date, Map, Set, Error, ${TYPED_ARRAYS.join(', ')} })`,
    context,
  ) as Realm;
}

const tagOf = (value: object): string => Object.prototype.toString.call(value).slice(8, -1);

/**
 * A deep copy of `value` built from `realm`'s constructors. Functions, Blobs and Files are not
 * data: they are passed as they are (the world bridge proxies functions before copying).
 */
export function copyInto<T>(value: T, realm: Realm): T {
  if (value === null || typeof value !== 'object') return value;
  const tag = tagOf(value);
  if (tag === 'Blob' || tag === 'File' || tag === 'Promise') return value;
  if (ArrayBuffer.isView(value)) {
    const Constructor = realm[tag] as new (buffer: ArrayBuffer, offset?: number, length?: number) => unknown;
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice();
    if (tag === 'DataView') return new Constructor(bytes.buffer) as T;
    const size = (value as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
    return new Constructor(bytes.buffer, 0, value.byteLength / size) as T;
  }
  if (tag === 'ArrayBuffer') {
    const copy = new realm.ArrayBuffer((value as unknown as ArrayBuffer).byteLength);
    new Uint8Array(copy).set(new Uint8Array(value as unknown as ArrayBuffer));
    return copy as T;
  }
  if (tag === 'Date') return new realm.Date((value as unknown as Date).getTime()) as T;
  if (tag === 'Error') {
    const error = new realm.Error((value as unknown as Error).message);
    error.name = (value as unknown as Error).name;
    return error as T;
  }
  if (tag === 'Map') {
    const map = new realm.Map();
    for (const [key, entry] of value as unknown as Map<unknown, unknown>)
      map.set(copyInto(key, realm), copyInto(entry, realm));
    return map as T;
  }
  if (tag === 'Set') {
    const set = new realm.Set();
    for (const entry of value as unknown as Set<unknown>) set.add(copyInto(entry, realm));
    return set as T;
  }
  if (Array.isArray(value)) return realm.Array.from(value, (entry) => copyInto(entry, realm)) as T;
  const copy = new realm.Object() as Record<string, unknown>;
  for (const [key, entry] of Object.entries(value)) copy[key] = copyInto(entry, realm);
  return copy as T;
}
