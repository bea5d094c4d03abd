/**
 * Type-level equality of a schema's output and a model type, ignoring `readonly` (the model is
 * readonly, parsed data is fresh). Fails to compile when a field is missing, extra, optional on
 * one side only, or of another type.
 */
type DeepMutable<T> = T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T;

export type SameShape<A, B> =
  (<T>() => T extends DeepMutable<A> ? 1 : 2) extends <T>() => T extends DeepMutable<B> ? 1 : 2
    ? true
    : false;

export type Assert<T extends true> = T;
