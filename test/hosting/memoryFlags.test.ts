import { readFileSync } from 'node:fs';
import path from 'node:path';

// The bot's heap limits are node flags (README, "Memory"): `npm start`, the Docker image and
// `npm run bench:load` (which reads them from package.json) must run the same process.

const root = path.resolve(__dirname, '../..');

test('npm start and the Docker image run node with the same heap limits', () => {
  const start = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start;
  const words = start.split(/\s+/);
  expect(words[0]).toBe('node');
  expect(words[words.length - 1]).toBe('dist/bot/index.js');
  const flags = words.slice(1, -1);
  expect(flags).toEqual(expect.arrayContaining([expect.stringMatching(/^--max-old-space-size=\d+$/)]));

  const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(path.join(root, 'Dockerfile'), 'utf8'))?.[1];
  expect(JSON.parse(cmd ?? '[]')).toEqual(['node', ...flags, 'dist/bot/index.js']);
});
