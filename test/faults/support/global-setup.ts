import { rmSync } from 'node:fs';
import { PARTS } from './paths.ts';

/** Every run starts from no recorded pieces: oncePerRun must never reuse an older run's loop. */
export default function globalSetup(): void {
  rmSync(PARTS, { recursive: true, force: true });
}
