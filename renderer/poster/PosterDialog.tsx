import { zlibSync } from 'fflate';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SyncedDocument } from '../../shared/format/document.ts';
import { formatBytes } from '../../shared/poster/file-size.ts';
import { type Orientation, paperById } from '../../shared/poster/paper.ts';
import { appServices } from '../app/services.ts';
import { toMapFile } from '../files/map-file.ts';
import { boardStore, useBoard } from '../store/index.ts';
import { exportPoster } from './export-poster.ts';
import { PosterFields } from './PosterFields.tsx';
import { PosterPreview } from './PosterPreview.tsx';
import { estimatePosterBytes, printedSize } from './poster-estimate.ts';
import { DEFAULT_POSTER_OPTIONS, type PosterOptions, posterFileName } from './poster-options.ts';
import { posterPictureOf, stackedScenarios } from './poster-picture.ts';
import { DEFAULT_PRINT_SHEET, type PrintSheet, planPrintFor } from './render-print-pdf.ts';
import './poster.css';

export type PosterMode = 'poster' | 'print';

interface PosterDialogProps {
  readonly mode: PosterMode;
  readonly onClose: () => void;
  /** Called with a confirmation once the file is saved; the dialog then closes. */
  readonly onSaved: (message: string) => void;
}

type Run =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly done: number; readonly total: number }
  | { readonly state: 'failed'; readonly error: string };

const PREVIEW_BOX = 380;

/**
 * File ▸ Export ▸ Poster (PNG) or Print pages (PDF): the options, a live preview of the page,
 * the pixel and file size, then the export with a progress bar and Cancel.
 */
export const PosterDialog = ({ mode, onClose, onSaved }: PosterDialogProps) => {
  const ref = useRef<HTMLDialogElement>(null);
  const doc = useBoard((state) => state.doc);
  const scenarioId = useBoard((state) => state.scenarioId);
  const [options, setOptions] = useState<PosterOptions>(
    mode === 'print' ? { ...DEFAULT_POSTER_OPTIONS, dpi: 150 } : DEFAULT_POSTER_OPTIONS,
  );
  const [sheet, setSheet] = useState<{ paper: 'a4' | 'letter'; orientation: Orientation; overlap: number }>({
    paper: 'a4',
    orientation: 'portrait',
    overlap: DEFAULT_PRINT_SHEET.overlap,
  });
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => {
    ref.current?.showModal();
    return () => abort.current?.abort();
  }, []);

  const mapFile = useMemo(() => (doc ? embeddedMap(doc) : null), [doc]);
  const picture = useMemo(
    () => (doc && scenarioId ? posterPictureOf(doc, scenarioId, options) : null),
    [doc, scenarioId, options],
  );
  const printSheet: PrintSheet = {
    paper: paperById(sheet.paper),
    orientation: sheet.orientation,
    overlap: sheet.overlap,
    margin: DEFAULT_PRINT_SHEET.margin,
  };
  const tiling = picture?.ok && mode === 'print' ? planPrintFor(picture.picture, printSheet) : null;
  const problem = !picture
    ? 'Open a map to export it.'
    : !picture.ok
      ? picture.error
      : tiling && !tiling.ok
        ? tiling.error
        : null;
  const running = run.state === 'running';

  const start = async () => {
    if (!doc || !mapFile || !picture?.ok || problem) return;
    const controller = new AbortController();
    abort.current = controller;
    setRun({ state: 'running', done: 0, total: 1 });
    const outcome = await exportPoster({
      bridge: appServices().bridge,
      picture: picture.picture,
      map: mapFile.text,
      suggestedName: posterFileName(mapName(picture.picture), options, mode),
      output: mode === 'poster' ? { kind: 'poster-png' } : { kind: 'print-pdf', sheet: printSheet },
      signal: controller.signal,
      onProgress: (done, total) => setRun({ state: 'running', done, total }),
    });
    abort.current = null;
    if (outcome.status === 'saved') {
      // The poster carries the map: a copy reopened from it merges back like a saved file.
      if (mode === 'poster') boardStore.getState().rememberShared(doc);
      onSaved(`Exported ${outcome.name} (${formatBytes(outcome.bytes)}).`);
      ref.current?.close();
    } else if (outcome.status === 'failed') setRun({ state: 'failed', error: outcome.error });
    else setRun({ state: 'idle' });
  };

  const title = mode === 'poster' ? 'Export poster' : 'Print pages';
  return (
    <dialog
      ref={ref}
      className="dialog poster-dialog"
      aria-labelledby="poster-title"
      onClose={onClose}
      onCancel={(event) => {
        // Escape cancels a running export first; a second Escape closes.
        if (running) {
          event.preventDefault();
          abort.current?.abort();
        }
      }}
    >
      <h2 id="poster-title">{title}</h2>
      <div className="poster-body">
        <div>
          <PosterFields
            options={options}
            onChange={(changes) => setOptions((current) => ({ ...current, ...changes }))}
            canStack={doc ? stackedScenarios(doc) !== null : false}
            disabled={running}
          />
          {mode === 'print' && (
            <fieldset className="poster-fields" disabled={running}>
              <legend>Office printer</legend>
              <div className="poster-row">
                <label className="field">
                  <span>Sheets</span>
                  <select
                    value={sheet.paper}
                    onChange={(event) => setSheet({ ...sheet, paper: event.target.value as 'a4' | 'letter' })}
                  >
                    <option value="a4">A4</option>
                    <option value="letter">US Letter</option>
                  </select>
                </label>
                <label className="field">
                  <span>Sheet orientation</span>
                  <select
                    value={sheet.orientation}
                    onChange={(event) =>
                      setSheet({ ...sheet, orientation: event.target.value as Orientation })
                    }
                  >
                    <option value="portrait">Portrait</option>
                    <option value="landscape">Landscape</option>
                  </select>
                </label>
                <label className="field">
                  <span>Overlap (mm)</span>
                  <input
                    type="number"
                    min={0}
                    max={50}
                    value={sheet.overlap}
                    onChange={(event) => setSheet({ ...sheet, overlap: Number(event.target.value) })}
                  />
                </label>
              </div>
            </fieldset>
          )}
        </div>
        <div className="poster-side">
          {picture?.ok ? (
            <PosterPreview
              picture={picture.picture}
              tiling={tiling?.ok ? tiling.tiling : null}
              box={PREVIEW_BOX}
            />
          ) : (
            <div className="poster-preview-empty" style={{ width: PREVIEW_BOX, height: PREVIEW_BOX * 0.7 }} />
          )}
          <p className="poster-facts" aria-live="polite">
            {problem ??
              (picture?.ok && mapFile
                ? facts(picture.picture, mapFile.compressedBytes, options, tiling)
                : '')}
          </p>
        </div>
      </div>
      {run.state === 'running' && (
        <div className="poster-progress">
          <progress aria-label="Export progress" max={run.total} value={run.done} />
          <span>{Math.floor((run.done / Math.max(1, run.total)) * 100)}%</span>
        </div>
      )}
      {run.state === 'failed' && (
        <p className="poster-error" role="alert">
          {run.error}
        </p>
      )}
      <div className="dialog-actions">
        {running ? (
          <button type="button" className="secondary" onClick={() => abort.current?.abort()}>
            Cancel export
          </button>
        ) : (
          <button type="button" className="secondary" onClick={() => ref.current?.close()}>
            Close
          </button>
        )}
        <button
          type="button"
          className="primary"
          disabled={running || problem !== null}
          onClick={() => void start()}
        >
          {mode === 'poster' ? 'Export PNG' : 'Export PDF'}
        </button>
      </div>
    </dialog>
  );
};

const mapName = (picture: { title: { name: string } | null }): string => picture.title?.name ?? 'Journey map';

const embeddedMap = (doc: SyncedDocument) => {
  const text = toMapFile(doc);
  return { text, compressedBytes: zlibSync(new TextEncoder().encode(text), { level: 9 }).length };
};

const facts = (
  picture: Parameters<typeof estimatePosterBytes>[0],
  embeddedBytes: number,
  options: PosterOptions,
  tiling: ReturnType<typeof planPrintFor> | null,
): string => {
  const { page, dpi } = picture.layout;
  const unit = options.paper === 'custom' || options.paper === 'banner' ? options.unit : 'mm';
  const size = `${page.width.toLocaleString('en-US')} × ${page.height.toLocaleString('en-US')} px at ${dpi} DPI (${printedSize(picture, unit)})`;
  if (tiling?.ok) {
    const { pages, columns, rows } = tiling.tiling;
    return `${size}, printed on ${pages.length} ${pages.length === 1 ? 'sheet' : 'sheets'} (${columns} across, ${rows} down).`;
  }
  return `${size}; PNG about ${formatBytes(estimatePosterBytes(picture, embeddedBytes))}, with the editable map inside.`;
};
