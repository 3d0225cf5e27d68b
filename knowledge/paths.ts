import fs from 'node:fs';
import path from 'node:path';

/**
 * A path inside the project, found by walking up to the folder with package.json: the same
 * from the TypeScript sources (tests) and from dist/ (the built bot), wherever it runs from.
 */
export function projectPath(...parts: string[]): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'knowledge'))) return path.join(dir, ...parts);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the project folder above ${__dirname}`);
    dir = parent;
  }
}
