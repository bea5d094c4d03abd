import { useSaveStatus } from '../persistence/save-status.ts';

/**
 * A quiet "All changes saved" in the toolbar. When storing fails it turns into a short warning
 * (the toolbar keeps its size whatever the message), and SaveProblem says in a sentence what
 * happened and where the edits are.
 */
export const SaveStatus = () => {
  const state = useSaveStatus((status) => status.state);
  const message = useSaveStatus((status) => status.message);
  const failing = state === 'error' || state === 'retrying';
  const label = failing ? "Can't save right now" : state === 'saving' ? 'Saving…' : 'All changes saved';
  return (
    <output className="save-status" data-state={state} aria-live="polite" title={message ?? label}>
      {label}
    </output>
  );
};

/** The sentence for a failed save or backup, under the toolbar, until storing works again. */
export const SaveProblem = () => {
  const message = useSaveStatus((status) =>
    status.state === 'error' || status.state === 'retrying' ? status.message : null,
  );
  const backupError = useSaveStatus((status) => status.backupError);
  const sentence = message ?? backupError;
  if (!sentence) return null;
  return (
    <p className="save-problem" role="alert">
      {sentence}
    </p>
  );
};
