/**
 * Electron's accelerator grammar (docs/api/accelerator.md): modifiers joined by '+', then exactly
 * one key code, case-insensitive. Electron silently registers nothing for a string it cannot
 * parse; the stand-in refuses it, because a shortcut that never fires is a bug nobody sees.
 */
const MODIFIERS = new Set([
  'command',
  'cmd',
  'control',
  'ctrl',
  'commandorcontrol',
  'cmdorctrl',
  'alt',
  'option',
  'altgr',
  'shift',
  'super',
  'meta',
]);

const NAMED_KEYS = new Set([
  'plus',
  'space',
  'tab',
  'capslock',
  'numlock',
  'scrolllock',
  'backspace',
  'delete',
  'insert',
  'return',
  'enter',
  'up',
  'down',
  'left',
  'right',
  'home',
  'end',
  'pageup',
  'pagedown',
  'escape',
  'esc',
  'volumeup',
  'volumedown',
  'volumemute',
  'medianexttrack',
  'mediaprevioustrack',
  'mediastop',
  'mediaplaypause',
  'printscreen',
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv',
]);

const PUNCTUATION = new Set([...')!@#$%^&*(:;+=<,_->.?/~`{][|\\}"\'']);

function isKeyCode(token: string): boolean {
  const key = token.toLowerCase();
  return (
    /^[a-z0-9]$/.test(key) ||
    /^f([1-9]|1[0-9]|2[0-4])$/.test(key) ||
    /^num[0-9]$/.test(key) ||
    NAMED_KEYS.has(key) ||
    PUNCTUATION.has(token)
  );
}

/** Why `accelerator` is not one Electron understands, or null when it is. */
export function acceleratorProblem(accelerator: string): string | null {
  // "CmdOrCtrl++" would name the '+' key by its separator; Electron wants "Plus".
  const tokens = accelerator.split('+');
  if (tokens.some((token) => token === ''))
    return `"${accelerator}" has an empty part (write "Plus" for the + key)`;
  const key = tokens.at(-1) ?? '';
  const modifiers = tokens.slice(0, -1);
  const unknown = modifiers.find((modifier) => !MODIFIERS.has(modifier.toLowerCase()));
  if (unknown !== undefined) return `"${accelerator}": "${unknown}" is not a modifier`;
  if (MODIFIERS.has(key.toLowerCase())) return `"${accelerator}" has no key, only modifiers`;
  if (!isKeyCode(key)) return `"${accelerator}": "${key}" is not a key code`;
  const lower = modifiers.map((modifier) => modifier.toLowerCase());
  if (new Set(lower).size !== lower.length) return `"${accelerator}" repeats a modifier`;
  return null;
}
