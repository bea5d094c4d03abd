import { zlibSync } from 'fflate';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type JourneyDocument, mapRecordOf } from '../../shared/model/document.ts';
import { formatBytes } from '../../shared/poster/file-size.ts';
import { type Orientation, paperById } from '../../shared/poster/paper.ts';
import { appServices } from '../app/services.ts';
import { toMapFile } from '../files/map-file.ts';
import { boardStore, useBoard } from '../store/index.ts';
import { type ExportOutcome, exportPoster, failureMessage } from './export-poster.ts';
import { PosterFields } from './PosterFields.tsx';
import { PosterPreview } from './PosterPreview.tsx';
import { estimatePosterBytes, printedSize } from './poster-estimate.ts';
import { DEFAULT_POSTER_OPTIONS, type PosterOptions, posterFileName } from './poster-options.ts';
import { posterPictureOf, stackedScenarios, votesUnavailable } from './poster-picture.ts';
import { DEFAULT_PRINT_SHEET, type PrintSheet, planPrintFor } from './render-print-pdf.ts';
import './poster.css';

export type PosterMode = 'poster' | 'print';

interface PosterDialogProps {
  readonly mode: PosterMode;
  readonly onClose: () => void;
  /**
   * Shows a message in the app's notice: the confirmation once the file is saved (the dialog
   * then closes), or how an export ended after the dialog went away (its map was closed).
   */
  readonly onSaved: (message: string) => void;
}

type Run =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly done: number; readonly total: number }
  | { readonly state: 'failed'; readonly error: string };

const PREVIEW_BOX = 380;

export const DIALOG_MESSAGES = {
  closedWhileExporting: 'The export was cancelled because its map was closed; nothing was saved.',
} as const;

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
  /** False once the dialog is gone: an export still running then reports through the notice. */
  const mounted = useRef(true);
  useEffect(() => {
    // Set here too: StrictMode runs this effect, its cleanup, and the effect again.
    mounted.current = true;
    ref.current?.showModal();
    return () => {
      mounted.current = false;
      abort.current?.abort();
    };
  }, []);

  const { content } = options;
  const mapFile = useMemo(() => (doc ? embeddedMap(doc) : null), [doc]);
  const picture = useMemo(
    () => (doc && scenarioId ? posterPictureOf(doc, scenarioId, options) : null),
    [doc, scenarioId, options],
  );
  // Walks every record: once per map state and content, not on each progress update.
  const noVote = useMemo(
    () => (doc && scenarioId ? votesUnavailable(doc, scenarioId, { content }) : 'Open a map to export it.'),
    [doc, scenarioId, content],
  );
  // Kept between renders (progress updates re-render often): a new tiling repaints the preview.
  const printSheet = useMemo<PrintSheet>(
    () => ({
      paper: paperById(sheet.paper),
      orientation: sheet.orientation,
      overlap: sheet.overlap,
      margin: DEFAULT_PRINT_SHEET.margin,
    }),
    [sheet.paper, sheet.orientation, sheet.overlap],
  );
  const tiling = useMemo(
    () => (picture?.ok && mode === 'print' ? planPrintFor(picture.picture, printSheet) : null),
    [picture, mode, printSheet],
  );
  const problem = !picture
    ? 'Open a map to export it.'
    : !picture.ok
      ? picture.error
      : tiling && !tiling.ok
        ? tiling.error
        : null;
  const running = run.state === 'running';

  /** How an export ended, said in the dialog, or in the app's notice once the dialog is gone. */
  const report = (outcome: ExportOutcome, exported: JourneyDocument) => {
    if (outcome.status === 'saved') {
      // The poster carries the map: a copy reopened from it merges back like a saved file.
      if (mode === 'poster') boardStore.getState().rememberShared(exported);
      onSaved(`Exported ${outcome.name} (${formatBytes(outcome.bytes)}).`);
      ref.current?.close();
    } else if (!mounted.current) {
      onSaved(outcome.status === 'failed' ? outcome.error : DIALOG_MESSAGES.closedWhileExporting);
    }
  };

  const start = async () => {
    if (!doc || !mapFile || !picture?.ok || problem) return;
    const controller = new AbortController();
    abort.current = controller;
    setRun({ state: 'running', done: 0, total: 1 });
    let outcome: ExportOutcome = { status: 'cancelled' };
    try {
      outcome = await exportPoster({
        bridge: appServices().bridge,
        picture: picture.picture,
        map: mapFile.text,
        suggestedName: posterFileName(mapRecordOf(doc).name, options, mode),
        output: mode === 'poster' ? { kind: 'poster-png' } : { kind: 'print-pdf', sheet: printSheet },
        signal: controller.signal,
        onProgress: (done, total) => setRun({ state: 'running', done, total }),
      });
    } catch (error) {
      outcome = { status: 'failed', error: failureMessage(error) };
    } finally {
      // Whatever happened, the dialog leaves "running": its buttons work again.
      abort.current = null;
      setRun(outcome.status === 'failed' ? { state: 'failed', error: outcome.error } : { state: 'idle' });
    }
    report(outcome, doc);
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
            votesUnavailable={noVote}
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

const embeddedMap = (doc: JourneyDocument) => {
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
