import { useSaveStatus } from '../persistence/save-status.ts';

/** A quiet "Saved" indicator that turns into a clear, non-blocking message when saving fails. */
export const SaveStatus = () => {
  const state = useSaveStatus((status) => status.state);
  const message = useSaveStatus((status) => status.message);
  const label = { saved: 'All changes saved', saving: 'Saving…', error: message, retrying: message }[state];
  return (
    <output className="save-status" data-state={state} aria-live="polite" title={label ?? undefined}>
      {state === 'error' || state === 'retrying' ? (message ?? 'Saving failed; retrying') : label}
    </output>
  );
};
