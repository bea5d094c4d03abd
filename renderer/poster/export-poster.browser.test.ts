import { describe, expect, it, vi } from 'vitest';
import type { JourneywallBridge } from '../../shared/ipc/contract.ts';
import { testMap } from '../../shared/journey/scenarios/test-support.ts';
import { paperById } from '../../shared/poster/paper.ts';
import { readEmbeddedMap } from '../../shared/poster/png-embed.ts';
import { toMapFile } from '../files/map-file.ts';
import { exportPoster } from './export-poster.ts';
import { DEFAULT_POSTER_OPTIONS } from './poster-options.ts';
import { posterPictureOf } from './poster-picture.ts';

type ExportBridge = Pick<JourneywallBridge, 'beginExport' | 'writeExport' | 'finishExport' | 'abortExport'>;

/** A shell that keeps what is written, as main's temp file would. */
const fakeBridge = (writeError: string | null = null) => {
  const written: Uint8Array[] = [];
  const bridge = {
    beginExport: vi.fn(async () => ({ token: 'token', name: 'Toner poster.png' })),
    writeExport: vi.fn(async (_token: string, bytes: Uint8Array) => {
      written.push(bytes.slice());
      return writeError ? { error: writeError } : null;
    }),
    finishExport: vi.fn(async () => ({ name: 'Toner poster.png' })),
    abortExport: vi.fn(async () => undefined),
  } satisfies ExportBridge;
  const file = () => {
    const bytes = new Uint8Array(written.reduce((sum, part) => sum + part.length, 0));
    let at = 0;
    for (const part of written) {
      bytes.set(part, at);
      at += part.length;
    }
    return bytes;
  };
  return { bridge, file };
};

const picture = () => {
  const map = testMap();
  map.put('Interest', 'Touchpoints', { text: 'Product page', kind: 'touchpoint', color: 'blue' });
  const result = posterPictureOf(map.doc, map.currentId, {
    ...DEFAULT_POSTER_OPTIONS,
    paper: 'a3',
    dpi: 100,
  });
  if (!result.ok) throw new Error(result.error);
  return { picture: result.picture, map: toMapFile(map.doc) };
};

describe('exporting a poster', () => {
  it('streams the whole PNG to the shell and completes the file', async () => {
    const { bridge, file } = fakeBridge();
    const progress: number[] = [];
    const outcome = await exportPoster({
      bridge,
      ...picture(),
      suggestedName: 'Toner poster',
      output: { kind: 'poster-png' },
      onProgress: (done, total) => progress.push(done / total),
    });
    expect(outcome).toMatchObject({ status: 'saved', name: 'Toner poster.png' });
    expect(bridge.beginExport).toHaveBeenCalledWith('poster-png', 'Toner poster');
    expect(bridge.finishExport).toHaveBeenCalledWith('token');
    expect(bridge.abortExport).not.toHaveBeenCalled();
    expect(progress.at(-1)).toBe(1);
    const png = file();
    expect(outcome.status === 'saved' && outcome.bytes).toBe(png.length);
    expect(readEmbeddedMap(png).ok).toBe(true);
  });

  it('writes print pages as a PDF of numbered sheets', async () => {
    const { bridge, file } = fakeBridge();
    const outcome = await exportPoster({
      bridge,
      ...picture(),
      suggestedName: 'Toner print pages',
      output: {
        kind: 'print-pdf',
        sheet: { paper: paperById('a4'), orientation: 'portrait', overlap: 10, margin: 10 },
      },
    });
    expect(outcome.status).toBe('saved');
    const pdf = new TextDecoder('latin1').decode(file());
    expect(pdf.startsWith('%PDF-1.4')).toBe(true);
    // A3 landscape on A4 portrait sheets with 10 mm margins and overlap: 3 across, 2 down.
    expect(pdf).toContain('/Count 6');
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('drops the file when the user cancels', async () => {
    const { bridge } = fakeBridge();
    const controller = new AbortController();
    const outcome = await exportPoster({
      bridge,
      ...picture(),
      suggestedName: 'Toner poster',
      output: { kind: 'poster-png' },
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    expect(outcome).toEqual({ status: 'cancelled' });
    expect(bridge.abortExport).toHaveBeenCalledWith('token');
    expect(bridge.finishExport).not.toHaveBeenCalled();
  });

  it('drops the file and says why when the disk is full', async () => {
    const { bridge } = fakeBridge('The disk is full: Toner poster.png was not saved.');
    const outcome = await exportPoster({
      bridge,
      ...picture(),
      suggestedName: 'Toner poster',
      output: { kind: 'poster-png' },
    });
    expect(outcome).toEqual({ status: 'failed', error: 'The disk is full: Toner poster.png was not saved.' });
    expect(bridge.abortExport).toHaveBeenCalled();
    expect(bridge.finishExport).not.toHaveBeenCalled();
  });

  it('drops the file when Cancel comes after the last byte was written, just before it is completed', async () => {
    const { bridge } = fakeBridge();
    const controller = new AbortController();
    // The last write of the file is where the user pressed Cancel.
    bridge.writeExport.mockImplementation(async () => {
      controller.abort();
      return null;
    });
    const outcome = await exportPoster({
      bridge,
      ...picture(),
      suggestedName: 'Toner poster',
      output: { kind: 'poster-png' },
      signal: controller.signal,
    });
    expect(outcome).toEqual({ status: 'cancelled' });
    expect(bridge.writeExport).toHaveBeenCalled();
    expect(bridge.finishExport).not.toHaveBeenCalled();
    expect(bridge.abortExport).toHaveBeenCalledWith('token');
  });

  it('fails in words, never hanging, when the shell refuses to begin', async () => {
    const { bridge } = fakeBridge();
    bridge.beginExport.mockRejectedValueOnce(new Error('Rejected journeywall:export-begin: name too long'));
    const outcome = await exportPoster({
      bridge,
      ...picture(),
      suggestedName: 'Toner poster',
      output: { kind: 'poster-png' },
    });
    expect(outcome).toEqual({
      status: 'failed',
      error: 'The export failed (Rejected journeywall:export-begin: name too long); nothing was saved.',
    });
    expect(bridge.writeExport).not.toHaveBeenCalled();
  });

  it('fails in words and drops the file when completing it throws', async () => {
    const { bridge } = fakeBridge();
    bridge.finishExport.mockRejectedValueOnce(new Error('The shell went away'));
    const outcome = await exportPoster({
      bridge,
      ...picture(),
      suggestedName: 'Toner poster',
      output: { kind: 'poster-png' },
    });
    expect(outcome).toEqual({
      status: 'failed',
      error: 'The export failed (The shell went away); nothing was saved.',
    });
    expect(bridge.abortExport).toHaveBeenCalledWith('token');
  });

  it('does nothing when the Save dialog is cancelled', async () => {
    const { bridge } = fakeBridge();
    bridge.beginExport.mockResolvedValueOnce(null as never);
    const outcome = await exportPoster({
      bridge,
      ...picture(),
      suggestedName: 'Toner poster',
      output: { kind: 'poster-png' },
    });
    expect(outcome).toEqual({ status: 'cancelled' });
    expect(bridge.writeExport).not.toHaveBeenCalled();
  });
});
