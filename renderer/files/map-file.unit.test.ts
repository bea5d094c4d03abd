import { describe, expect, it } from 'vitest';
import { mapRecordOf } from '../../shared/model/document.ts';
import { newMapDocument } from '../../shared/model/edits.ts';
import { encodeBands } from '../../shared/poster/png-test-support.ts';
import { fixturePoster } from '../../shared/poster/poster-fixture.ts';
import { readMapFile, suggestedFileName, toMapFile } from './map-file.ts';

describe('the suggested file name', () => {
  it('is the map name made safe, without bidi controls', () => {
    const doc = newMapDocument('Invoice \u202Efdp.exe');
    expect(mapRecordOf(doc).name).toContain('\u202E');
    expect(suggestedFileName(doc)).toBe('Invoice fdp.exe.cxmap');
    expect(suggestedFileName(newMapDocument('Home printer toner: current'))).toBe(
      'Home printer toner current.cxmap',
    );
    expect(suggestedFileName(newMapDocument('  '))).toBe('Journeywall map.cxmap');
  });
});

describe('a map file or poster that cannot be opened', () => {
  const poster = async (map: string) => {
    const band = fixturePoster({ width: 16, height: 8, dpi: 72, seed: 1 }).band(0, 8);
    return new Uint8Array((await encodeBands({ width: 16, height: 8, dpi: 72, map }, [band])).png);
  };
  const text = toMapFile(newMapDocument('Toner'));

  it('is described in the poster’s words when the map inside a poster is damaged', async () => {
    const cut = readMapFile(await poster(text.slice(0, text.length / 2)));
    expect(cut).toEqual({
      ok: false,
      message: 'The map inside this poster is damaged: it ends too early, as if cut off.',
    });
    expect(readMapFile(await poster('{"hello": 1}'))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^The map inside this poster is damaged: /),
    });
  });

  it('keeps the map file’s words for a .cxmap', () => {
    const cut = readMapFile(new TextEncoder().encode(text.slice(0, text.length / 2)));
    expect(cut).toEqual({
      ok: false,
      message: 'This map file is damaged: it ends too early, as if cut off.',
    });
  });
});
