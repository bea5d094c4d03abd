/**
 * Poster benchmarks (issue 5): the built app in headless Debian Chromium exports a realistic
 * map (the customer-experience stages and lanes, a few hundred notes in their cells) through
 * the Export poster dialog, as a user does, and we measure the time from the Export click to the
 * finished download and the peak memory of the whole browser (the RSS of every Chromium
 * process, sampled every 50 ms). Targets: A1 at 150 DPI ≤ 3 s; A0 at 300 DPI ≤ 15 s and
 * ≤ 1.5 GB; a 36 × 120 in banner at 300 DPI (389 Mpx) completes. Each file is checked: PNG
 * signature, IHDR size, pHYs DPI, IEND at the end.
 *
 * `npx tsx test/bench/poster.ts` after `npm run build:renderer`; writes POSTER-RESULTS.pending.md.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { serialize } from '../../shared/format/serialize.ts';
import { realisticMap } from '../../shared/format/test-support/maps.ts';
import { liveNotesByZ } from '../../shared/model/document.ts';
import { chromiumLaunchOptions } from '../chromium.ts';
import { interceptFileChoosers, openFromLibrary } from '../e2e/support/journeywall.ts';

export interface PosterCase {
  readonly label: string;
  readonly paper: string;
  readonly dpi: number;
  /** For the custom paper (the banner). */
  readonly custom?: { readonly width: number; readonly height: number; readonly unit: 'mm' | 'in' };
  readonly target: { readonly seconds?: number; readonly megabytes?: number };
}

export const POSTER_CASES: readonly PosterCase[] = [
  { label: 'A1 at 150 DPI', paper: 'a1', dpi: 150, target: { seconds: 3 } },
  { label: 'A0 at 300 DPI', paper: 'a0', dpi: 300, target: { seconds: 15, megabytes: 1536 } },
  {
    label: '36 × 120 in banner at 300 DPI',
    paper: 'custom',
    dpi: 300,
    custom: { width: 36, height: 120, unit: 'in' },
    target: {},
  },
];

export interface PosterFigures {
  readonly label: string;
  readonly width: number;
  readonly height: number;
  readonly seconds: number;
  /** Sum of the Chromium processes' RSS: shared pages (the browser's code) counted in each. */
  readonly peakMegabytes: number;
  readonly idleMegabytes: number;
  /** Sum of their PSS: shared pages split between the processes that map them. */
  readonly peakPssMegabytes: number;
  readonly idlePssMegabytes: number;
  readonly fileMegabytes: number;
  readonly target: PosterCase['target'];
}

const NOTES = 400;
const PAGE_SIZE = 4096;

/**
 * The resident memory of the whole browser: every Chromium process below this one (the
 * browser, its renderers, GPU and utility processes), from /proc. The preview server is also a
 * child of this process but runs in Node, so it is left out by name.
 */
const browserMemory = (): { rss: number; pss: number } => {
  const children = new Map<number, number[]>();
  const stats = new Map<number, { name: string; rssPages: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces; the fields follow it.
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      stats.set(pid, { name, rssPages: Number(fields[21] ?? 0) });
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), pid]);
    } catch {
      // The process ended while we looked.
    }
  }
  let rssPages = 0;
  let pssKb = 0;
  const queue = [...(children.get(process.pid) ?? [])];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    const stat = stats.get(pid);
    if (stat && /chrom/i.test(stat.name)) {
      rssPages += stat.rssPages;
      try {
        pssKb += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
      } catch {
        // Ended while we looked.
      }
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return { rss: (rssPages * PAGE_SIZE) / 1024 / 1024, pss: pssKb / 1024 };
};

/** Reads the header chunks and checks the file ends with IEND, without loading it whole. */
const checkPng = async (path: string, width: number, height: number, dpi: number) => {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(41);
    await file.read(head, 0, 41, 0);
    const tail = Buffer.alloc(12);
    const { size } = statSync(path);
    await file.read(tail, 0, 12, size - 12);
    const problems = [];
    if (head.readUInt32BE(16) !== width || head.readUInt32BE(20) !== height) problems.push('IHDR size');
    if (head.toString('latin1', 37, 41) !== 'pHYs') problems.push('no pHYs after IHDR');
    if (tail.toString('latin1', 4, 8) !== 'IEND') problems.push('no IEND');
    const phys = Buffer.alloc(4);
    await file.read(phys, 0, 4, 41);
    if (Math.abs(phys.readUInt32BE(0) * 0.0254 - dpi) > 0.05) problems.push('pHYs DPI');
    if (problems.length > 0) throw new Error(`${path}: ${problems.join(', ')}`);
    return size;
  } finally {
    await file.close();
  }
};

const exportCase = async (page: Page, poster: PosterCase, dir: string): Promise<PosterFigures> => {
  await page.keyboard.press('Control+Shift+E');
  const dialog = page.getByRole('dialog', { name: 'Export poster' });
  await dialog.getByLabel('Paper').selectOption(poster.paper);
  if (poster.custom) {
    await dialog.getByLabel('Unit').selectOption(poster.custom.unit);
    await dialog.getByLabel('Width').fill(String(poster.custom.width));
    await dialog.getByLabel('Height').fill(String(poster.custom.height));
  }
  await dialog.getByLabel('Resolution').selectOption(String(poster.dpi));
  const facts = (await dialog.locator('.poster-facts').textContent()) ?? '';
  const [, w = '0', h = '0'] = /([\d,]+) × ([\d,]+) px/.exec(facts) ?? [];
  const width = Number(w.replaceAll(',', ''));
  const height = Number(h.replaceAll(',', ''));
  await page.waitForTimeout(500);
  const idle = browserMemory();
  const peak = { ...idle };
  const sampler = setInterval(() => {
    const now = browserMemory();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.pss = Math.max(peak.pss, now.pss);
  }, 50);
  const started = performance.now();
  const download = page.waitForEvent('download', { timeout: 600_000 });
  await dialog.getByRole('button', { name: 'Export PNG' }).click();
  const file = await download;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const path = join(dir, `${poster.paper}-${poster.dpi}.png`);
  await file.saveAs(path);
  const bytes = await checkPng(path, width, height, poster.dpi);
  await rm(path);
  await dialog.waitFor({ state: 'detached' });
  return {
    label: poster.label,
    width,
    height,
    seconds,
    peakMegabytes: peak.rss,
    idleMegabytes: idle.rss,
    peakPssMegabytes: peak.pss,
    idlePssMegabytes: idle.pss,
    fileMegabytes: bytes / 1024 / 1024,
    target: poster.target,
  };
};

export const runPosterBench = async (baseURL: string): Promise<PosterFigures[]> => {
  const dir = await mkdtemp(join(tmpdir(), 'journeywall-poster-bench-'));
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await browser.newContext({
      baseURL,
      viewport: { width: 1600, height: 1000 },
      acceptDownloads: true,
    });
    const page = interceptFileChoosers(await context.newPage());
    const map = realisticMap(NOTES, { seed: 5, inCells: 1 });
    const mapPath = join(dir, 'bench.cxmap');
    writeFileSync(mapPath, serialize(map, { appVersion: '0.1.0', savedAt: Date.UTC(2026, 10, 28) }));
    await openFromLibrary(page, mapPath);
    const figures: PosterFigures[] = [];
    for (const poster of POSTER_CASES) {
      const result = await exportCase(page, poster, dir);
      console.log(
        `${result.label}: ${result.width} × ${result.height}, ${result.seconds.toFixed(1)} s, ` +
          `peak RSS ${Math.round(result.peakMegabytes)} MB (idle ${Math.round(result.idleMegabytes)} MB), ` +
          `peak PSS ${Math.round(result.peakPssMegabytes)} MB (idle ${Math.round(result.idlePssMegabytes)} MB), ` +
          `${result.fileMegabytes.toFixed(1)} MB file`,
      );
      figures.push(result);
    }
    console.log(`map: ${liveNotesByZ(map).length} notes`);
    return figures;
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
};

const verdict = (figures: PosterFigures): string => {
  const { seconds, megabytes } = figures.target;
  const checks = [
    seconds === undefined ? null : figures.seconds <= seconds,
    megabytes === undefined ? null : figures.peakMegabytes <= megabytes,
  ].filter((check) => check !== null);
  if (checks.length === 0) return 'completes ✓';
  return checks.every(Boolean) ? 'met ✓' : 'missed ✗';
};

const targetText = ({ seconds, megabytes }: PosterCase['target']): string =>
  [
    seconds === undefined ? null : `≤ ${seconds} s`,
    megabytes === undefined ? null : `≤ ${megabytes / 1024} GB`,
  ]
    .filter(Boolean)
    .join(', ') || 'must complete';

export const posterTable = (figures: readonly PosterFigures[], date: string): string =>
  [
    `### Posters (${date})`,
    '',
    `Export poster dialog → finished download, customer-experience map with ${NOTES} notes, all in cells, about`,
    '70% of them in Current, the scenario exported; headless Chromium. Memory of the whole browser,',
    "sampled every 50 ms, idle before the export in brackets: the sum of every Chromium process's RSS (which",
    'counts the shared browser code once per process; the target is checked on this), and the sum of their',
    'PSS (shared pages split between processes: what the browser really holds).',
    '',
    '| Poster | Pixels | Time | Peak RSS, summed | Peak PSS, summed | File | Target | |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...figures.map(
      (f) =>
        `| ${f.label} | ${f.width.toLocaleString('en-US')} × ${f.height.toLocaleString('en-US')} (${Math.round((f.width * f.height) / 1e6)} Mpx) | ${f.seconds.toFixed(1)} s | ${Math.round(f.peakMegabytes)} MB (${Math.round(f.idleMegabytes)} MB) | ${Math.round(f.peakPssMegabytes)} MB (${Math.round(f.idlePssMegabytes)} MB) | ${f.fileMegabytes.toFixed(1)} MB | ${targetText(f.target)} | ${verdict(f)} |`,
    ),
    '',
  ].join('\n');
