import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { mapRecordOf } from '../../shared/model/document.ts';
import { appServices } from '../app/services.ts';
import { docSignature } from '../files/doc-signature.ts';
import { useBoard } from '../store/index.ts';

/**
 * The file the open map is linked to, and whether it is behind the library copy; the window
 * title says the same ("toner.cxmap • not saved to file — Journeywall").
 */
export const FileStatus = () => {
  const { db } = appServices();
  const doc = useBoard((state) => state.doc);
  const mapId = doc?.id ?? '';
  const link = useLiveQuery(() => db.fileLinks.get(mapId), [db, mapId]);
  const behind = link !== undefined && doc !== null && docSignature(doc) !== link.savedSignature;
  const name = doc ? mapRecordOf(doc).name : '';

  useEffect(() => {
    const file = link ? ` — ${link.fileName}${behind ? ' • changes not saved to the file' : ''}` : '';
    document.title = `${name}${file} — Journeywall`;
  }, [name, link, behind]);

  if (!link) return null;
  return (
    <output
      className="file-status"
      data-behind={behind}
      title={`${link.fileName}: ${
        behind ? 'the file is behind. Save (Ctrl+S) writes your changes to it.' : 'the file has every change.'
      }`}
    >
      {link.fileName}
      {behind ? ' • not saved to file' : ' • saved'}
    </output>
  );
};
