/**
 * Puts text on the clipboard through the copy command. A copy listener on the window, in the
 * capture phase, fills the clipboard and stops the event before the board's own copy handler
 * (on the document) can put the selected notes there instead. No selected element is needed,
 * so it works from inside a modal dialog, which makes the rest of the page inert.
 */
const copyByCommand = (text: string): boolean => {
  let filled = false;
  const onCopy = (event: ClipboardEvent) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
    event.stopImmediatePropagation();
    filled = true;
  };
  window.addEventListener('copy', onCopy, { capture: true, once: true });
  try {
    return document.execCommand('copy') && filled;
  } finally {
    window.removeEventListener('copy', onCopy, { capture: true });
  }
};

/**
 * Copies text; resolves false when nothing reached the clipboard. The clipboard API comes first;
 * the desktop shell refuses it (it grants the page no permissions), so the copy command, still
 * within the click's user activation, is the fallback.
 */
export const copyText = async (text: string): Promise<boolean> => {
  if (window.isSecureContext && navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Refused (no permission, or the page lost focus): try the copy command.
    }
  }
  return copyByCommand(text);
};
