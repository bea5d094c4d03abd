import type { JourneyDocument } from '../../shared/model/document.ts';

/**
 * A short fingerprint of a map's content: every edit (and every undo) gives the records it
 * touches a new version and nonce, so the fingerprint changes with any change and with nothing
 * else. Comparing it with the one stored at Save tells whether the file is behind the library.
 */
const cache = new WeakMap<JourneyDocument['records'], string>();

export const docSignature = (doc: JourneyDocument): string => {
  let signature = cache.get(doc.records);
  if (signature === undefined) {
    let count = 0;
    let versions = 0;
    let nonces = 0;
    for (const record of Object.values(doc.records)) {
      count++;
      versions += record.version;
      nonces = (nonces + Math.imul(record.versionNonce, 2654435761) + record.version) | 0;
    }
    signature = `${count}.${versions}.${nonces >>> 0}`;
    cache.set(doc.records, signature);
  }
  return signature;
};
