/**
 * Lets the browser handle input and paint before the next slice of an export. A message to
 * ourselves runs as a new task without the clamping setTimeout gets in a background tab.
 */
export const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
