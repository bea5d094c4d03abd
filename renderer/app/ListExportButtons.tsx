import { copyText } from '../ui/copy-text.ts';
import { saveText } from './save-text.ts';

interface ListExportButtonsProps {
  /** The file name a save suggests, without its extension. */
  readonly stem: string;
  /** The list in each format, made when its button is pressed. */
  readonly text: () => string;
  readonly csv: () => string;
  readonly markdown: () => string;
  /** What the user is told: "Gap list copied.", "Could not copy: save it as…", "The gap list was". */
  readonly words: { readonly copied: string; readonly notCopied: string; readonly subject: string };
  readonly onNotice: (notice: string) => void;
}

/** A list's Copy as text, Save as CSV and Save as Markdown (the gap list, a vote's results). */
export const ListExportButtons = ({ stem, text, csv, markdown, words, onNotice }: ListExportButtonsProps) => (
  <>
    <button
      type="button"
      className="secondary"
      onClick={async () => onNotice((await copyText(text())) ? words.copied : words.notCopied)}
    >
      Copy as text
    </button>
    <button
      type="button"
      className="secondary"
      onClick={async () => onNotice(await saveText('csv', stem, csv(), words.subject))}
    >
      Save as CSV
    </button>
    <button
      type="button"
      className="secondary"
      onClick={async () => onNotice(await saveText('markdown', stem, markdown(), words.subject))}
    >
      Save as Markdown
    </button>
  </>
);
