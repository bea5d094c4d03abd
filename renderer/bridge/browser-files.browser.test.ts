import { afterEach, describe, expect, it, vi } from 'vitest';
import { IPC_LIMITS, type OpenResult } from '../../shared/ipc/contract.ts';
import { createBrowserBridge } from './browser-bridge.ts';
import { OPEN_ACCEPT } from './browser-files.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));

/** A PNG's chunk framing (CRC left zero: only the chunk walk matters here). */
const pngChunk = (type: string, data: Uint8Array): Uint8Array => {
  const bytes = new Uint8Array(12 + data.length);
  new DataView(bytes.buffer).setUint32(0, data.length);
  bytes.set(latin1(type), 4);
  bytes.set(data, 8);
  return bytes;
};

const concat = (...parts: Uint8Array[]): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

/** Captures downloads instead of letting the browser save them. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const downloads: Array<{ name: string; blob: Blob | undefined }> = [];
  const createObjectURL = URL.createObjectURL.bind(URL);
  vi.spyOn(URL, 'createObjectURL').mockImplementation((object) => {
    if (object instanceof Blob) blobs.push(object);
    return createObjectURL(object);
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.at(-1) });
  });
  return downloads;
}

/** Stands in for the user at the browser's file picker. */
function pickerAnswers(file: File | 'cancel') {
  const inputs: HTMLInputElement[] = [];
  vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
    inputs.push(this);
    setTimeout(() => {
      if (file === 'cancel') {
        this.dispatchEvent(new Event('cancel'));
        return;
      }
      const transfer = new DataTransfer();
      transfer.items.add(file);
      this.files = transfer.files;
      this.dispatchEvent(new Event('change'));
    }, 0);
  });
  return inputs;
}

describe('browser bridge: opening files', () => {
  it('reads a dropped map file, without a handle', async () => {
    const text = '{"type":"journeywall-map","title":"Kündigung ✓"}';
    const result = await createBrowserBridge().openDroppedFile(new File([text], 'toner.cxmap'));
    expect(result).toEqual({ handle: null, name: 'toner.cxmap', bytes: new TextEncoder().encode(text) });
  });

  it('refuses a dropped file over the size limit, saying how large it is', async () => {
    const huge = new File([new Uint8Array(IPC_LIMITS.fileBytes + 1024 * 1024)], 'huge.cxmap');
    expect(await createBrowserBridge().openDroppedFile(huge)).toEqual({
      error: 'This file is too large to open (51.0 MB; the limit is 50 MB).',
    });
  });

  it('reads only the head of a dropped poster, before its image data', async () => {
    const head = concat(
      Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
      pngChunk('IHDR', new Uint8Array(13)),
      pngChunk('iTXt', latin1('application/vnd.journeywall.map+json\0\0\0\0\0{}')),
    );
    const poster = concat(
      head,
      pngChunk('IDAT', new Uint8Array(100_000)),
      pngChunk('IEND', new Uint8Array()),
    );
    const result = await createBrowserBridge().openDroppedFile(new File([poster], 'wall.png'));
    expect(result).toEqual({ handle: null, name: 'wall.png', bytes: head });
  });

  it('opens the file the user picks through a hidden file input, offering maps and posters', async () => {
    const inputs = pickerAnswers(new File(['{"map":1}'], 'picked.cxmap'));
    const result: OpenResult = await createBrowserBridge().openFile('open');
    expect(result).toEqual({
      handle: null,
      name: 'picked.cxmap',
      bytes: new TextEncoder().encode('{"map":1}'),
    });
    expect(inputs).toHaveLength(1);
    expect(inputs[0]?.type).toBe('file');
    expect(inputs[0]?.accept).toBe(OPEN_ACCEPT);
    expect(OPEN_ACCEPT.split(',')).toEqual(['.cxmap', '.png', 'application/json', 'image/png']);
    expect(document.querySelector('input[type=file]')).toBeNull();
  });

  it('answers null when the user cancels the picker', async () => {
    pickerAnswers('cancel');
    expect(await createBrowserBridge().openFile('merge')).toBeNull();
    expect(document.querySelector('input[type=file]')).toBeNull();
  });

  it('never reports files opened from outside', () => {
    const listener = vi.fn();
    createBrowserBridge().onOpenFile(listener)();
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('browser bridge: saving files', () => {
  it('Save As downloads exactly the content under a safe .cxmap name', async () => {
    const downloads = captureDownloads();
    const content = '{"type":"journeywall-map","title":"Q3: Toner/Refill ✓"}';
    const saved = await createBrowserBridge().saveFileAs('Q3: Toner/Refill ✓', content);
    expect(saved).toEqual({ handle: expect.any(String), name: 'Q3 Toner Refill ✓.cxmap' });
    expect(downloads).toHaveLength(1);
    expect(downloads[0]?.name).toBe('Q3 Toner Refill ✓.cxmap');
    expect(await downloads[0]?.blob?.text()).toBe(content);
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('Save after Save As downloads under the same name again', async () => {
    const downloads = captureDownloads();
    const bridge = createBrowserBridge();
    const saved = await bridge.saveFileAs('Toner', 'version 1');
    const handle = saved !== null && 'handle' in saved ? saved.handle : null;
    expect(handle).not.toBeNull();
    expect(await bridge.saveFile(handle ?? '', 'version 2')).toEqual({ handle, name: 'Toner.cxmap' });
    expect(downloads.map((download) => download.name)).toEqual(['Toner.cxmap', 'Toner.cxmap']);
    expect(await downloads[1]?.blob?.text()).toBe('version 2');
  });

  it('cannot Save through a handle it does not know, and says to use Save As', async () => {
    const downloads = captureDownloads();
    expect(await createBrowserBridge().saveFile('3b241101-e2bb-4255-8caf-4136c566a962', '{}')).toEqual({
      error: 'Journeywall no longer knows where this file is. Use Save As… to choose where to save the map.',
    });
    expect(downloads).toEqual([]);
  });

  it('refuses to save a map over the size limit', async () => {
    const downloads = captureDownloads();
    const result = await createBrowserBridge().saveFileAs('Huge', 'a'.repeat(IPC_LIMITS.fileBytes + 1));
    expect(result).toEqual({
      error: 'This map is too large to save (50.1 MB; the limit is 50 MB). Your work is safe in Journeywall.',
    });
    expect(downloads).toEqual([]);
  });
});

describe('browser bridge: saving text', () => {
  it.each([
    ['csv', 'Q3: Toner - gap list', 'Q3 Toner - gap list.csv', 'text/csv'],
    ['markdown', 'Q3: Toner - gap list', 'Q3 Toner - gap list.md', 'text/markdown'],
  ] as const)(
    'downloads %s exactly, under a safe name with its extension',
    async (kind, suggested, name, type) => {
      const downloads = captureDownloads();
      const text = 'Stage,Change\nUse,"Install video ✓"\n';
      expect(await createBrowserBridge().saveText(kind, suggested, text)).toEqual({ name });
      expect(downloads).toHaveLength(1);
      expect(downloads[0]?.name).toBe(name);
      expect(downloads[0]?.blob?.type).toBe(type);
      expect(await downloads[0]?.blob?.text()).toBe(text);
      expect(document.querySelector('a[download]')).toBeNull();
    },
  );
});

describe('browser bridge: exports', () => {
  it('downloads the pieces as one file once the export is finished, and nothing before', async () => {
    const downloads = captureDownloads();
    const bridge = createBrowserBridge();
    const begun = await bridge.beginExport('poster-png', 'Toner poster A1');
    if (begun === null || 'error' in begun) throw new Error('the export did not begin');
    await bridge.writeExport(begun.token, latin1('\x89PNG'));
    await bridge.writeExport(begun.token, latin1('rest'));
    expect(downloads).toEqual([]);
    expect(await bridge.finishExport(begun.token)).toEqual({ name: 'Toner poster A1.png' });
    expect(downloads.map((download) => download.name)).toEqual(['Toner poster A1.png']);
    expect(downloads[0]?.blob?.type).toBe('image/png');
    expect([...new Uint8Array((await downloads[0]?.blob?.arrayBuffer()) ?? new ArrayBuffer(0))]).toEqual([
      ...latin1('\x89PNGrest'),
    ]);
  });
});
