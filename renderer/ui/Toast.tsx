import { useEffect } from 'react';

interface ToastProps {
  readonly message: string;
  readonly actionLabel?: string;
  readonly onAction?: () => void;
  readonly onDismiss: () => void;
  readonly timeoutMs?: number;
}

/** A short message at the bottom of the window, with one optional action such as Undo. */
export const Toast = ({ message, actionLabel, onAction, onDismiss, timeoutMs = 8000 }: ToastProps) => {
  useEffect(() => {
    const timer = window.setTimeout(onDismiss, timeoutMs);
    return () => window.clearTimeout(timer);
  }, [onDismiss, timeoutMs]);
  return (
    <div className="toast" role="status">
      <span>{message}</span>
      {actionLabel && onAction && (
        <button type="button" onClick={onAction}>
          {actionLabel}
        </button>
      )}
    </div>
  );
};
