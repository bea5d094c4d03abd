/** Saves text as a file the way the browser does: a download (the desktop shell asks where). */
export const downloadText = (name: string, text: string, type: string): void => {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** Copies text through the copy command: the clipboard API is not offered to the desktop page. */
export const copyText = (text: string): boolean => {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;left:-9999px;top:0';
  document.body.append(area);
  area.select();
  // No standard replacement copies text without the asynchronous clipboard permission.
  const copied = document.execCommand('copy');
  area.remove();
  return copied;
};
