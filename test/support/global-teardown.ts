import { rmSync } from 'node:fs';
import { RUN_TMP_ENV } from './global-setup';

/** Removes the run's temp folder (see global-setup). */
export default function globalTeardown(): void {
  const root = process.env[RUN_TMP_ENV];
  if (root) rmSync(root, { recursive: true, force: true });
}
