/**
 * Hands a finished file to the browser as a download: how the browser build "saves". The desktop
 * shell never downloads (every file it writes goes through the bridge), so this is only ever
 * called from the browser implementation of the bridge.
 */
export const downloadBlob = (blob: Blob, name: string): void => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is released once it no longer matters.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};
