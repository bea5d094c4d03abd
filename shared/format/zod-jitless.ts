/**
 * The renderer entry's first import, so it runs before any module builds a zod schema: zod
 * decides when it builds an object schema whether it may compile a faster parser with
 * `new Function`, and probes for that by trying it. The Content-Security-Policy forbids eval,
 * so the probe would be refused and reported as a violation. jitless skips the probe.
 */
import { z } from 'zod';

z.config({ jitless: true });
