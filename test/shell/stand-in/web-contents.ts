/**
 * `webContents` and `WebFrameMain`: a window's page as main sees it. The harness reports what the
 * Chromium page does (commits, loads, crashes); main's calls (send, loadURL, reload) go to the
 * harness. Arguments of send() are structured-cloned as Electron does, so a value that cannot
 * cross (a function, a class with private state) throws here as it would there.
 */
import { EventEmitter } from 'node:events';
import type { ContentsEvent, FrameInfo, RequestOutcome } from '../protocol.ts';
import { createEvent, destroyedError, type Runtime } from './runtime.ts';

export interface WebFrameMain {
  readonly url: string;
  readonly origin: string;
  readonly processId: number;
  readonly routingId: number;
  readonly frameToken: string;
  readonly parent: WebFrameMain | null;
  readonly top: WebFrameMain;
  readonly frames: WebFrameMain[];
  readonly detached: boolean;
  isDestroyed(): boolean;
}

function originOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.host === '' ? 'null' : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'null';
  }
}

export function frameFromInfo(info: FrameInfo): WebFrameMain {
  const parent = info.parent ? frameFromInfo(info.parent) : null;
  const frame: WebFrameMain = {
    url: info.url,
    origin: originOf(info.url),
    processId: info.processId,
    routingId: info.routingId,
    frameToken: info.frameToken,
    parent,
    get top() {
      return parent ? parent.top : frame;
    },
    frames: [],
    detached: false,
    isDestroyed: () => false,
  };
  return frame;
}

/** What the request pipeline needs from the session: webRequest and the protocol handlers. */
export interface RequestPipeline {
  run(contents: StandInWebContents, request: PipelineRequest): Promise<RequestOutcome>;
}

export interface PipelineRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly resourceType: string;
}

export interface WindowOpenDetails {
  readonly url: string;
  readonly frameName: string;
  readonly features: string;
  readonly disposition: string;
}

type WindowOpenHandler = (details: WindowOpenDetails) => { action: 'allow' | 'deny' };

const ABOUT_BLANK: FrameInfo = {
  frameToken: 'initial',
  processId: 1,
  routingId: 1,
  url: 'about:blank',
  parent: null,
};

export class StandInWebContents extends EventEmitter {
  private destroyed = false;
  private crashed = false;
  private frame: WebFrameMain = frameFromInfo(ABOUT_BLANK);
  private openHandler: WindowOpenHandler | null = null;

  constructor(
    private readonly runtime: Runtime,
    readonly id: number,
    private readonly onReadyToShow: () => void,
  ) {
    super();
  }

  private alive(): void {
    if (this.destroyed) throw destroyedError();
  }

  get mainFrame(): WebFrameMain {
    this.alive();
    return this.frame;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isCrashed(): boolean {
    this.alive();
    return this.crashed;
  }

  send(channel: string, ...args: unknown[]): void {
    this.alive();
    if (typeof channel !== 'string') throw new TypeError('Missing required channel argument');
    let cloned: unknown[];
    try {
      cloned = structuredClone(args);
    } catch {
      throw new Error('Failed to serialize arguments');
    }
    this.runtime.link.send({ kind: 'contents-send', webContentsId: this.id, channel, args: cloned });
  }

  async loadURL(url: string): Promise<void> {
    this.alive();
    if (typeof url !== 'string') throw new TypeError('url must be a string');
    const error = (await this.runtime.link.request({ kind: 'load-url', webContentsId: this.id, url })) as {
      code: number;
      name: string;
    } | null;
    if (error) {
      throw Object.assign(new Error(`${error.name} (${error.code}) loading '${url}'`), {
        code: error.name,
        errno: error.code,
        url,
      });
    }
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.alive();
    if (typeof handler !== 'function') throw new TypeError('handler must be a function');
    this.openHandler = handler;
  }

  /** A page called window.open: Electron asks the handler; without one it would open a window. */
  windowOpen(url: string): 'allow' | 'deny' {
    if (!this.openHandler) return 'allow';
    const { action } = this.openHandler({ url, frameName: '', features: '', disposition: 'new-window' });
    return action === 'allow' ? 'allow' : 'deny';
  }

  /**
   * A request of this page, through will-navigate (page-initiated main-frame navigations),
   * did-start-loading and the session's pipeline; a failed main-frame load emits did-fail-load.
   */
  async request(
    pipeline: RequestPipeline,
    request: PipelineRequest,
    navigation: 'none' | 'browser' | 'renderer',
  ): Promise<RequestOutcome> {
    if (this.destroyed) return { action: 'failed', reason: 'ERR_ABORTED' };
    if (navigation === 'renderer') {
      const event = createEvent({
        url: request.url,
        isSameDocument: false,
        isMainFrame: true,
        frame: this.frame,
        initiator: this.frame,
      });
      this.emit('will-navigate', event, request.url, false, true, this.frame.processId, this.frame.routingId);
      if (event.defaultPrevented) return { action: 'refused', reason: 'will-navigate prevented' };
    }
    if (navigation !== 'none') this.emit('did-start-loading', createEvent());
    const outcome = await pipeline.run(this, request);
    if (navigation !== 'none' && outcome.action !== 'fulfill' && !this.destroyed) {
      const [code, name] =
        outcome.action === 'cancelled' ? [-20, 'ERR_BLOCKED_BY_CLIENT'] : [-2, 'ERR_FAILED'];
      this.emit(
        'did-fail-load',
        createEvent(),
        code,
        name,
        request.url,
        true,
        this.frame.processId,
        this.frame.routingId,
      );
      this.emit('did-stop-loading', createEvent());
    }
    return outcome;
  }

  /** What the harness saw the page do. */
  report(event: ContentsEvent): void {
    if (this.destroyed) return;
    switch (event.name) {
      case 'did-navigate':
        this.frame = frameFromInfo(event.mainFrame);
        this.emit('did-navigate', createEvent(), event.url, 200, 'OK');
        return;
      case 'dom-ready':
        this.emit('dom-ready', createEvent());
        return;
      case 'did-finish-load':
        this.emit('did-finish-load', createEvent());
        this.emit('did-stop-loading', createEvent());
        return;
      case 'ready-to-show':
        this.onReadyToShow();
        return;
      case 'render-process-gone':
        this.crashed = true;
        this.emit('render-process-gone', createEvent(), { reason: event.reason, exitCode: event.exitCode });
        return;
    }
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('destroyed', createEvent());
  }
}
