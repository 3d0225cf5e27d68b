// Imports point inward only: bot -> dialogs -> knowledge. knowledge/ stays free of the Bot
// Framework so the domain can be tested (and reused) alone.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  const abs = path.join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true })
    .map(String)
    .filter((f) => /\.(ts|js|mjs|cjs)$/.test(f) && !f.endsWith('.d.ts') && !f.split(path.sep).includes('node_modules'))
    .map((f) => path.join(abs, f))
    .filter((f) => statSync(f).isFile());
}

/** Every module specifier a file imports, requires, re-exports or loads dynamically. */
export function importsOf(source: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /\bimport\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?[\w*{}\s,$]*?\s+from\s+['"]([^'"]+)['"]/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) found.add(m[1]);
  return [...found];
}

interface Violation {
  file: string;
  specifier: string;
}

function violations(fromDir: string, forbiddenDirs: string[], forbiddenPackages: RegExp): Violation[] {
  const out: Violation[] = [];
  for (const file of sourceFiles(fromDir)) {
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) {
        const target = path.relative(root, path.resolve(path.dirname(file), specifier));
        const top = target.split(path.sep)[0];
        if (forbiddenDirs.includes(top)) out.push({ file: path.relative(root, file), specifier });
      } else if (forbiddenPackages.test(specifier)) {
        out.push({ file: path.relative(root, file), specifier });
      }
    }
  }
  return out;
}

describe('layout', () => {
  test('the top-level folders exist', () => {
    for (const name of ['package.json', 'tsconfig.json', 'bot', 'dialogs', 'knowledge', 'deployment', 'test', 'README.md']) {
      expect(existsSync(path.join(root, name))).toBe(true);
    }
  });

  test('knowledge/ imports nothing from dialogs/ or bot/, and no Bot Framework or restify', () => {
    expect(violations('knowledge', ['dialogs', 'bot'], /^(botbuilder|botframework-|restify)/)).toEqual([]);
  });

  test('dialogs/ imports nothing from bot/ and no hosting packages', () => {
    expect(violations('dialogs', ['bot'], /^restify/)).toEqual([]);
  });
});

describe('the import scanner itself', () => {
  test('finds every kind of import', () => {
    const source = [
      "import a from '../bot/a';",
      "import { b } from \"../bot/b\";",
      "import type { C } from '../bot/c';",
      "import '../bot/side-effect';",
      "export { d } from '../bot/d';",
      "export * from '../bot/e';",
      "const f = require('../bot/f');",
      "const g = await import('../bot/g');",
      'import {\n  h,\n  i,\n} from "botbuilder";',
    ].join('\n');
    expect(importsOf(source).sort()).toEqual(
      ['../bot/a', '../bot/b', '../bot/c', '../bot/side-effect', '../bot/d', '../bot/e', '../bot/f', '../bot/g', 'botbuilder'].sort(),
    );
  });
});
