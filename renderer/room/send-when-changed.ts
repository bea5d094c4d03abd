/**
 * Sends what phones should show only when it differs from what was sent last: most edits leave
 * the round, the vote, the map and the screen as they were. `forget` makes the next value go out
 * whatever it is, for a room just opened.
 */
export const sendWhenChanged = <T>(send: (value: T) => unknown) => {
  let sent: string | null = null;
  return {
    send(value: T): void {
      const text = JSON.stringify(value);
      if (text === sent) return;
      sent = text;
      void send(value);
    },
    forget(): void {
      sent = null;
    },
  };
};
