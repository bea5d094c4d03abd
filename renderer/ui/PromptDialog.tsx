import { useEffect, useRef } from 'react';
import { usePrompt } from './prompt-store.ts';

/** The modal dialog for file questions and messages (open, merge, errors). */
export const PromptDialog = () => {
  const prompt = usePrompt((state) => state.prompt);
  const answer = usePrompt((state) => state.answer);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (prompt && !ref.current?.open) ref.current?.showModal();
  }, [prompt]);
  if (!prompt || !answer) return null;
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="prompt-title" onCancel={() => answer(null)}>
      <h2 id="prompt-title">{prompt.title}</h2>
      <p className="prompt-message">{prompt.message}</p>
      {prompt.details && prompt.details.length > 0 && (
        <ul className="prompt-details">
          {prompt.details.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        {prompt.choices.map((choice) => (
          <button
            key={choice.value}
            type="button"
            className={choice.primary ? 'primary' : 'secondary'}
            onClick={() => answer(choice.value)}
          >
            {choice.label}
          </button>
        ))}
      </div>
    </dialog>
  );
};
