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

export interface Range {
  readonly min: number;
  readonly max: number;
  /** Whole numbers only: a fraction is rounded. */
  readonly integer?: boolean;
}

export const counted = (count: number, noun: string): string =>
  `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;

/** A finite number pulled into the range (and rounded, for whole numbers); undefined if it is fine or not a finite number. */
const clampNumber = (value: unknown, { min, max, integer }: Range): number | undefined => {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const rounded = integer ? Math.round(value) : value;
  const clamped = Math.min(max, Math.max(min, rounded));
  return clamped === value ? undefined : clamped;
};

export const clampInto = (
  min: number,
  max: number,
  kind: string,
  sentence: FieldRepair['sentence'],
  integer = false,
): FieldRepair => ({
  kind,
  sentence,
  fix: (value) => {
    const clamped = clampNumber(value, { min, max, integer });
    return clamped === undefined ? undefined : { value: clamped };
  },
});

const isPlainObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Pulls the numbers inside an object field into their ranges: each named field's range
 * (`fields`), or one range for every value of a map-like object (`each`: emotion scores by stage).
 */
export const clampFields = (
  ranges: { readonly fields: Readonly<Record<string, Range>> } | { readonly each: Range },
  kind: string,
  sentence: FieldRepair['sentence'],
): FieldRepair => ({
  kind,
  sentence,
  fix: (value) => {
    if (!isPlainObject(value)) return undefined;
    let fixed: Record<string, unknown> | undefined;
    for (const [key, inner] of Object.entries(value)) {
      const range = 'each' in ranges ? ranges.each : Object.hasOwn(ranges.fields, key) && ranges.fields[key];
      const clamped = range ? clampNumber(inner, range) : undefined;
      if (clamped === undefined) continue;
      fixed ??= Object.fromEntries(Object.entries(value));
      fixed[key] = clamped;
    }
    return fixed ? { value: fixed } : undefined;
  },
});

export const shortenTo = (max: number, kind: string, sentence: FieldRepair['sentence']): FieldRepair => ({
  kind,
  sentence,
  fix: (value) =>
    typeof value === 'string' && value.length > max ? { value: cutAt(value, max) } : undefined,
});

/**
 * Replaces a value that is not one of `allowed` with `fallback`. A missing value is replaced
 * too, unless the field has a default (`missingIsDefault`), which then applies unreported.
 */
export const oneOf = (
  allowed: readonly unknown[],
  fallback: unknown,
  kind: string,
  sentence: FieldRepair['sentence'],
  missingIsDefault = false,
): FieldRepair => ({
  kind,
  sentence,
  fix: (value) =>
    allowed.includes(value) || (missingIsDefault && value === undefined) ? undefined : { value: fallback },
});

/** Drops an optional field whose value is unreadable, when the record is whole without it. */
export const dropIfInvalid = (
  isValid: (value: unknown) => boolean,
  kind: string,
  sentence: FieldRepair['sentence'],
  replacement: unknown = undefined,
): FieldRepair => ({
  kind,
  sentence,
  fix: (value) => (value === undefined || isValid(value) ? undefined : { value: replacement }),
});

/** Cuts a string without leaving half of a surrogate pair at the end. */
const cutAt = (text: string, max: number): string => {
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
};
