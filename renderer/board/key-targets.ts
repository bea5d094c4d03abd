/**
 * Whose keys these are: the board's, or a text field's, a focused control's or an open dialog's.
 * A field marked data-board-keys (the selected cell's typing target) leaves the board its keys.
 */

export const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  !target.hasAttribute('data-board-keys') &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * True while a modal dialog is open or the event comes from inside a dialog: its keys (Enter
 * and Space on its buttons, Delete, the colour digits) must never act on the board behind it.
 */
export const inDialog = (target: EventTarget | null): boolean =>
  document.querySelector('dialog:modal') !== null ||
  (target instanceof Element && target.closest('dialog, [role="dialog"]') !== null);

/** Elements that act on Enter, Space or the arrow keys themselves when they have the focus. */
const CONTROLS = [
  'button',
  'a[href]',
  'summary',
  'select',
  'input',
  ...[
    'button',
    'link',
    'tab',
    'treeitem',
    'menuitem',
    'menuitemcheckbox',
    'menuitemradio',
    'checkbox',
    'radio',
    'switch',
    'option',
    'slider',
    'spinbutton',
  ].map((role) => `[role="${role}"]`),
].join(', ');

/**
 * The keys a focused control keeps: pressing it (Enter, Space), moving between tabs or items,
 * and Tab, which moves the focus on from it.
 */
const CONTROL_KEYS = new Set([' ', 'Enter', 'Tab', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

/**
 * True when `key` belongs to the focused control: Enter on a toolbar button must press it, not
 * edit the selected note. The control's other keys (N, Ctrl+Z, the digits...) stay the board's.
 */
export const controlKeeps = (target: EventTarget | null, key: string): boolean =>
  CONTROL_KEYS.has(key) && target instanceof Element && target.closest(CONTROLS) !== null;

/** Keys (pass `key`) and clipboard events (no key) the board leaves alone. */
export const notForTheBoard = (target: EventTarget | null, key?: string): boolean =>
  isTyping(target) || inDialog(target) || (key !== undefined && controlKeeps(target, key));
