import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The version in the project's package.json, found by walking up from this file so it works
 * both from source (bot/) under jest and compiled (dist/bot/).
 */
export function readVersion(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'early-help-assistant' && pkg.version) return pkg.version;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}
