import { counted } from './records/repairs.ts';

/**
 * Collects what parse repaired, one line per kind of repair and record type, so a file with a
 * thousand out-of-range notes yields one sentence, not a thousand.
 */
export class RepairLog {
  private readonly lines = new Map<string, { count: number; sentence: (count: number) => string }>();

  add(key: string, sentence: (count: number) => string, count = 1): void {
    if (count === 0) return;
    const line = this.lines.get(key);
    if (line) line.count += count;
    else this.lines.set(key, { count, sentence });
  }

  /** Records whose fields this version does not know are read without those fields. */
  ignoredFields(noun: string): void {
    this.add(
      `ignored:${noun}`,
      (count) => `Ignored information this version does not know on ${counted(count, noun)}.`,
    );
  }

  messages(): string[] {
    return [...this.lines.values()].map(({ count, sentence }) => sentence(count));
  }
}
