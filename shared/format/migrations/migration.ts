/** A parsed JSON object from a file, before validation. */
export type JsonObject = { readonly [key: string]: unknown };

export type MigrationResult =
  | {
      readonly ok: true;
      readonly file: JsonObject;
      /**
       * What the step left out because its source format could not hold it (a hand-edited or
       * newer tool's file), in words completing "Ignored what a format-N map cannot hold: …".
       */
      readonly ignored?: readonly string[];
    }
  | { readonly ok: false; readonly damage: string };

/**
 * One step from format `from` to `from + 1`. A step is frozen once released: it works on plain
 * JSON and never imports current schemas, so it keeps producing exactly its target format.
 */
export interface Migration {
  readonly from: number;
  readonly to: number;
  readonly description: string;
  /** Never throws: input it cannot convert is reported as damage ("… is damaged: <damage>"). */
  readonly up: (file: JsonObject) => MigrationResult;
}

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
