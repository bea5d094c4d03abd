/**
 * One export from start to end: ask the shell where (desktop) or prepare the download (browser),
 * render and stream the file, then complete it, or drop it when rendering failed, a check found
 * it blank or cut short, or the user cancelled. Nothing half-made is ever saved.
 */
import type { ExportKind, JourneywallBridge } from '../../shared/ipc/contract.ts';
import { loadFonts } from '../drawing/fonts.ts';
import type { PosterPicture } from './draw-poster.ts';
import { createExportSink, ExportWriteError } from './export-sink.ts';
import { PosterRenderError, renderPosterPng } from './render-poster.ts';
import { type PrintSheet, renderPrintPdf } from './render-print-pdf.ts';

export type ExportOutcome =
  | { readonly status: 'saved'; readonly name: string; readonly bytes: number }
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly error: string };

export interface ExportRequest {
  readonly bridge: Pick<JourneywallBridge, 'beginExport' | 'writeExport' | 'finishExport' | 'abortExport'>;
  readonly picture: PosterPicture;
  /** The .cxmap text: embedded in a PNG poster. */
  readonly map: string;
  readonly suggestedName: string;
  /** A PNG poster, or the poster on office-printer pages (PDF). */
  readonly output:
    | { readonly kind: 'poster-png' }
    | { readonly kind: 'print-pdf'; readonly sheet: PrintSheet };
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

const messageOf = (error: unknown): string => {
  if (error instanceof PosterRenderError || error instanceof ExportWriteError) return error.message;
  return `The export failed (${error instanceof Error ? error.message : String(error)}); nothing was saved.`;
};

export const exportPoster = async (request: ExportRequest): Promise<ExportOutcome> => {
  const { bridge, output } = request;
  // Canvas text never waits for a web font: without this, a poster could print in a fallback face.
  await loadFonts();
  const kind: ExportKind = output.kind;
  const begun = await bridge.beginExport(kind, request.suggestedName);
  if (begun === null) return { status: 'cancelled' };
  if ('error' in begun) return { status: 'failed', error: begun.error };
  const sink = createExportSink(bridge, begun.token);
  const render = {
    picture: request.picture,
    onChunk: sink.write,
    drain: sink.drain,
    ...(request.signal ? { signal: request.signal } : {}),
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
  };
  try {
    if (output.kind === 'poster-png') await renderPosterPng({ ...render, map: request.map });
    else await renderPrintPdf({ ...render, sheet: output.sheet });
    await sink.flush();
  } catch (error) {
    await bridge.abortExport(begun.token).catch(() => undefined);
    if (error instanceof PosterRenderError && error.cancelled) return { status: 'cancelled' };
    return { status: 'failed', error: messageOf(error) };
  }
  const done = await bridge.finishExport(begun.token);
  if ('error' in done) return { status: 'failed', error: done.error };
  return { status: 'saved', name: done.name, bytes: sink.bytes };
};
