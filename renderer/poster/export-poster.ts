/**
 * One export from start to end: ask the shell where (desktop) or prepare the download (browser),
 * render and stream the file, then complete it, or drop it when rendering failed, a check found
 * it blank or cut short, or the user cancelled (up to the moment before it is completed). Nothing
 * half-made is ever saved, and whatever goes wrong ends in an outcome: the promise never rejects.
 */
import type { ExportKind, JourneywallBridge } from '../../shared/ipc/contract.ts';
import { loadFonts } from '../drawing/fonts.ts';
import type { PosterPicture } from './draw-poster.ts';
import { createExportSink, ExportWriteError } from './export-sink.ts';
import { checkCancelled, PosterRenderError, renderPosterPng } from './render-poster.ts';
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

/** Why an export failed, in words; anything unforeseen is named as it is. */
export const failureMessage = (error: unknown): string => {
  if (error instanceof PosterRenderError || error instanceof ExportWriteError) return error.message;
  return `The export failed (${error instanceof Error ? error.message : String(error)}); nothing was saved.`;
};

export const exportPoster = async (request: ExportRequest): Promise<ExportOutcome> => {
  const { bridge, output } = request;
  const kind: ExportKind = output.kind;
  /** Set once the shell holds an unfinished file, which any failure then drops. */
  let token: string | null = null;
  try {
    // Canvas text never waits for a web font: without this, a poster could print in a fallback face.
    await loadFonts();
    const begun = await bridge.beginExport(kind, request.suggestedName);
    if (begun === null) return { status: 'cancelled' };
    if ('error' in begun) return { status: 'failed', error: begun.error };
    token = begun.token;
    const sink = createExportSink(bridge, token);
    const render = {
      picture: request.picture,
      onChunk: sink.write,
      drain: sink.drain,
      ...(request.signal ? { signal: request.signal } : {}),
      ...(request.onProgress ? { onProgress: request.onProgress } : {}),
    };
    if (output.kind === 'poster-png') await renderPosterPng({ ...render, map: request.map });
    else await renderPrintPdf({ ...render, sheet: output.sheet });
    await sink.flush();
    // The last moment a Cancel can still keep the file from being saved.
    checkCancelled(request.signal);
    const done = await bridge.finishExport(token);
    // Completed or dropped by the shell either way: nothing is left to abort.
    token = null;
    if ('error' in done) return { status: 'failed', error: done.error };
    return { status: 'saved', name: done.name, bytes: sink.bytes };
  } catch (error) {
    if (token !== null) await bridge.abortExport(token).catch(() => undefined);
    if (error instanceof PosterRenderError && error.cancelled) return { status: 'cancelled' };
    return { status: 'failed', error: failureMessage(error) };
  }
};
