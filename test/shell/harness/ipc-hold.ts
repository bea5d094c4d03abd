/**
 * Invokes on one channel held back on their way to main, released by the test one by one: a
 * renderer that answers slowly, at a moment the test chooses.
 */
export class IpcHold {
  private readonly waiting: (() => void)[] = [];
  private readonly watchers: (() => void)[] = [];
  private total = 0;

  add(dispatch: () => void): void {
    this.waiting.push(dispatch);
    this.total += 1;
    for (const wake of this.watchers.splice(0)) wake();
  }

  async waitForHeld(count: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.total < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Only ${this.total} of ${count} invokes arrived within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.watchers.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Lets the oldest held invoke through. */
  releaseNext(): void {
    this.waiting.shift()?.();
  }
}
