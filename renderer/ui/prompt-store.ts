import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/** A question for the user with a few answers, shown as a modal dialog by <PromptDialog>. */
export interface Prompt {
  readonly title: string;
  readonly message: string;
  /** Details such as the repairs made to a file, one line each. */
  readonly details?: readonly string[];
  readonly choices: readonly { readonly value: string; readonly label: string; readonly primary?: boolean }[];
}

interface PromptState {
  readonly prompt: Prompt | null;
  readonly answer: ((value: string | null) => void) | null;
}

export const promptStore = createStore<PromptState>()(() => ({ prompt: null, answer: null }));

export const usePrompt = <T>(selector: (state: PromptState) => T): T => useStore(promptStore, selector);

/** Shows a prompt; resolves with the chosen value, or null if the user dismissed it. */
export const ask = (prompt: Prompt): Promise<string | null> =>
  new Promise((resolve) => {
    promptStore.getState().answer?.(null);
    promptStore.setState({
      prompt,
      answer: (value) => {
        promptStore.setState({ prompt: null, answer: null });
        resolve(value);
      },
    });
  });

/** A message with a single OK. */
export const tell = async (title: string, message: string, details?: readonly string[]): Promise<void> => {
  await ask({ title, message, details, choices: [{ value: 'ok', label: 'OK', primary: true }] });
};
