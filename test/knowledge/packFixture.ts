import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Tests change a copy of the fixture pack, never the fixture itself.

export const FIXTURE_PACKS = path.join(__dirname, 'fixtures', 'packs');

export interface TempPacks {
  dir: string;
  /** Reads, changes and writes back one JSON file of the copied pack. */
  edit<T = any>(file: string, change: (data: T) => T | void): void;
  write(file: string, text: string): void;
  remove(file: string): void;
  cleanup(): void;
}

export function copyFixturePacks(pack = 'testshire'): TempPacks {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packs-'));
  fs.cpSync(path.join(FIXTURE_PACKS, pack), path.join(dir, pack), { recursive: true });
  fs.cpSync(path.join(FIXTURE_PACKS, 'shared'), path.join(dir, 'shared'), { recursive: true });
  const file = (name: string) => path.join(dir, pack, name);
  return {
    dir,
    edit(name, change) {
      const data = JSON.parse(fs.readFileSync(file(name), 'utf8'));
      const out = change(data) ?? data;
      fs.writeFileSync(file(name), JSON.stringify(out, null, 2));
    },
    write(name, text) {
      fs.writeFileSync(file(name), text);
    },
    remove(name) {
      fs.rmSync(file(name));
    },
    cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
