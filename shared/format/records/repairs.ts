/**
 * Repairs applied to a field before validation: only the ones that keep the user's data
 * (a value pulled back into range, a colour the palette lacks), each reported in plain words.
 */
export interface FieldRepair {
  /** Groups repairs of several fields into one report line (width and height: "resized"). */
  readonly kind: string;
  /**
   * The repaired value (undefined: remove the field), or undefined when the value needs no
   * repair or cannot be repaired.
   */
  readonly fix: (value: unknown) => { readonly value: unknown } | undefined;
  readonly sentence: (count: number, noun: string) => string;
}

export const counted = (count: number, noun: string): string =>
  `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;

export const clampInto = (
  min: number,
  max: number,
  kind: string,
  sentence: FieldRepair['sentence'],
): FieldRepair => ({
  kind,
  sentence,
  fix: (value) =>
    typeof value === 'number' && Number.isFinite(value) && (value < min || value > max)
      ? { value: Math.min(max, Math.max(min, value)) }
      : undefined,
});

export const shortenTo = (max: number, kind: string, sentence: FieldRepair['sentence']): FieldRepair => ({
  kind,
  sentence,
  fix: (value) =>
    typeof value === 'string' && value.length > max ? { value: cutAt(value, max) } : undefined,
});

export const oneOf = <T extends string>(
  allowed: readonly T[],
  fallback: T,
  kind: string,
  sentence: FieldRepair['sentence'],
): FieldRepair => ({
  kind,
  sentence,
  fix: (value) => (allowed.includes(value as T) ? undefined : { value: fallback }),
});

/** Drops an optional field whose value is unreadable, when the record is whole without it. */
export const dropIfInvalid = (
  isValid: (value: unknown) => boolean,
  kind: string,
  sentence: FieldRepair['sentence'],
): FieldRepair => ({
  kind,
  sentence,
  fix: (value) => (value === undefined || isValid(value) ? undefined : { value: undefined }),
});

/** Cuts a string without leaving half of a surrogate pair at the end. */
const cutAt = (text: string, max: number): string => {
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
};
