import type { CDPSession } from 'playwright-core';

/**
 * A CPU profile of the page's main thread (the DevTools protocol's sampling profiler), summed
 * by function: what dominates when a target is missed.
 */
interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
    readonly columnNumber: number;
  };
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

export interface HotFunction {
  readonly name: string;
  /** Self time in ms. */
  readonly self: number;
}

export const profileDuring = async (cdp: CDPSession, action: () => Promise<void>): Promise<Profile> => {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  // The profiler is stopped even when the action fails, so a later profile can start.
  const outcome = await action().then(
    () => null,
    (error: unknown) => ({ error }),
  );
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  if (outcome) throw outcome.error;
  return profile as Profile;
};

const nameOf = (node: ProfileNode): string => {
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  if (!url) return functionName || '(anonymous)';
  const file = url.slice(url.lastIndexOf('/') + 1);
  return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}:${columnNumber + 1}`;
};

/** Functions by self time, idle time left out. */
export const hottest = (profile: Profile, limit = 8): HotFunction[] => {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let index = 0; index < samples.length; index++) {
    const node = byNode.get(samples[index] ?? -1);
    // A sample lasts until the next one.
    const micros = deltas[index + 1] ?? 0;
    if (!node || node.callFrame.functionName === '(idle)') continue;
    const name = nameOf(node);
    self.set(name, (self.get(name) ?? 0) + micros);
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, micros]) => ({ name, self: micros / 1000 }));
};
