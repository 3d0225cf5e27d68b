import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import AdmZip from 'adm-zip';
import {
  buildTeamsPackage,
  DEV_APP_ID,
  parseArgs,
  readPngInfo,
  resolveValues,
  TEAMS_DIR,
  TEMPLATE_PATH,
  TeamsPackageError,
  validateManifest,
} from '../../scripts/teams-package';

const APP_ID = '6f1c1b5e-8c1d-4a43-9a7e-0f6a3c9d2b11';
const TEAMS_APP_ID = '0a3e5b77-1d2c-4e8f-9b6a-7c5d4e3f2a10';
const ENV = { MicrosoftAppId: APP_ID, PUBLIC_URL: 'https://early-help.bathnes.example/' };

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-package-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TeamsPackageError) return error.problems;
    throw error;
  }
  throw new Error('expected a TeamsPackageError');
}

/** Decodes an 8-bit RGBA PNG with no interlace (what make-icons.js writes) into pixels. */
function rgbaPixels(bytes: Buffer): { width: number; pixels: Buffer } {
  const info = readPngInfo(bytes)!;
  const idat: Buffer[] = [];
  for (let offset = 8; offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    if (bytes.toString('ascii', offset + 4, offset + 8) === 'IDAT') idat.push(bytes.subarray(offset + 8, offset + 8 + length));
    offset += length + 12;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = info.width * 4;
  const pixels = Buffer.alloc(stride * info.height);
  for (let y = 0; y < info.height; y += 1) {
    expect(raw[y * (stride + 1)]).toBe(0); // filter "none", as written
    raw.copy(pixels, y * stride, y * (stride + 1) + 1, (y + 1) * (stride + 1));
  }
  return { width: info.width, pixels };
}

describe('teams:package', () => {
  test('builds a zip with manifest.json and both icons at its root, ids and host filled from the environment', async () => {
    const out = path.join(dir, 'app.zip');
    const result = await buildTeamsPackage({ env: { ...ENV, TEAMS_APP_ID }, out });

    const zip = new AdmZip(out);
    expect(zip.getEntries().map((e) => e.entryName).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(zip.readAsText('manifest.json'));
    expect(manifest).toEqual(result.manifest);
    expect(manifest.id).toBe(TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title)).toEqual([
      'help',
      'start again',
      'talk to someone',
      'find a service',
    ]);
    const directory = manifest.staticTabs.find((t: { entityId: string }) => t.entityId === 'directory');
    expect(directory).toMatchObject({ contentUrl: 'https://early-help.bathnes.example/teams/tab', scopes: ['personal'] });
    expect(manifest.validDomains).toEqual(['early-help.bathnes.example']);
    expect(manifest.developer).toMatchObject({
      name: 'B&NES Council',
      privacyUrl: 'https://early-help.bathnes.example/teams/privacy',
      termsOfUseUrl: 'https://early-help.bathnes.example/teams/terms',
    });
    expect(JSON.stringify(manifest)).not.toContain('${{');
    // The package is valid against the official schema for its manifest version.
    expect(await validateManifest(manifest)).toEqual([]);
  });

  test('the Teams app id defaults to the bot id', async () => {
    const { manifest } = await buildTeamsPackage({ env: ENV, out: path.join(dir, 'app.zip') });
    expect(manifest.id).toBe(APP_ID);
  });

  test('--dev builds a valid package with placeholder id and host, for CI', async () => {
    const { manifest, values } = await buildTeamsPackage({ env: {}, dev: true, out: path.join(dir, 'dev.zip') });
    expect(manifest.id).toBe(DEV_APP_ID);
    expect(values.host).toBe('early-help.example.org');
    expect(fs.existsSync(path.join(dir, 'dev.zip'))).toBe(true);
  });

  test('missing variables are named, and nothing is written', async () => {
    const out = path.join(dir, 'app.zip');
    const problems = await problemsOf(buildTeamsPackage({ env: {}, out }));
    expect(problems).toEqual([expect.stringMatching(/^MicrosoftAppId is not set/), expect.stringMatching(/^PUBLIC_URL is not set/)]);
    expect(fs.existsSync(out)).toBe(false);
  });

  test.each([
    [{ MicrosoftAppId: 'not-a-guid' }, /^MicrosoftAppId must be a GUID/],
    [{ TEAMS_APP_ID: '1234' }, /^TEAMS_APP_ID must be a GUID/],
    [{ PUBLIC_URL: 'http://early-help.example.org' }, /^PUBLIC_URL must use https/],
    [{ PUBLIC_URL: 'https://localhost:3978' }, /^PUBLIC_URL must be a public host name/],
    [{ PUBLIC_URL: 'early-help' }, /^PUBLIC_URL must be an absolute https URL/],
    [{ TEAMS_APP_VERSION: 'v2' }, /^TEAMS_APP_VERSION must be a version/],
    [{ TEAMS_DEVELOPER_NAME: 'Bath and North East Somerset Council' }, /^TEAMS_DEVELOPER_NAME must be at most 32 characters/],
    [{ TEAMS_PRIVACY_URL: 'http://example.org/privacy' }, /^TEAMS_PRIVACY_URL must use https/],
  ])('a bad value is reported by name: %j', (override, message) => {
    expect(() => resolveValues({ ...ENV, ...override })).toThrow(TeamsPackageError);
    try {
      resolveValues({ ...ENV, ...override });
    } catch (error) {
      expect((error as TeamsPackageError).problems).toEqual([expect.stringMatching(message)]);
    }
  });

  test('a blank variable (as in .env files) counts as unset', () => {
    expect(() => resolveValues({ MicrosoftAppId: ' ', PUBLIC_URL: '' })).toThrow(/MicrosoftAppId is not set/);
  });

  test('the schema from @microsoft/app-manifest catches a manifest Teams would refuse', async () => {
    const template = JSON.parse(fs.readFileSync(TEMPLATE_PATH, 'utf8'));
    template.name.short = 'Early Help Assistant for practitioners in B&NES'; // over 30 characters
    template.bots[0].scopes.push('everywhere');
    const templatePath = path.join(dir, 'manifest.template.json');
    fs.writeFileSync(templatePath, JSON.stringify(template));
    const problems = await problemsOf(buildTeamsPackage({ env: ENV, templatePath, iconsDir: TEAMS_DIR, out: path.join(dir, 'x.zip') }));
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringContaining('/name/short must NOT have more than 30 characters'), expect.stringContaining('/bots/0/scopes/3')]),
    );
    expect(fs.existsSync(path.join(dir, 'x.zip'))).toBe(false);
  });

  test('an unknown placeholder in the template is an error, not a gap', async () => {
    const template = JSON.parse(fs.readFileSync(TEMPLATE_PATH, 'utf8'));
    template.description.short = 'For ${{COUNCIL}}';
    const templatePath = path.join(dir, 'manifest.template.json');
    fs.writeFileSync(templatePath, JSON.stringify(template));
    const problems = await problemsOf(buildTeamsPackage({ env: ENV, templatePath, iconsDir: TEAMS_DIR, out: path.join(dir, 'x.zip') }));
    expect(problems).toEqual([expect.stringContaining('${{COUNCIL}}')]);
  });

  test('a manifest version the schema package does not know is refused', async () => {
    const template = JSON.parse(fs.readFileSync(TEMPLATE_PATH, 'utf8'));
    template.manifestVersion = '1.99';
    const templatePath = path.join(dir, 'manifest.template.json');
    fs.writeFileSync(templatePath, JSON.stringify(template));
    const problems = await problemsOf(buildTeamsPackage({ env: ENV, templatePath, iconsDir: TEAMS_DIR, out: path.join(dir, 'x.zip') }));
    expect(problems).toEqual([expect.stringContaining('no schema for manifest version 1.99')]);
  });

  test('icons of the wrong size or not PNG are refused', async () => {
    fs.copyFileSync(TEMPLATE_PATH, path.join(dir, 'manifest.template.json'));
    fs.copyFileSync(path.join(TEAMS_DIR, 'outline.png'), path.join(dir, 'color.png')); // 32x32 where 192x192 is needed
    fs.writeFileSync(path.join(dir, 'outline.png'), 'not a png');
    const problems = await problemsOf(buildTeamsPackage({ env: ENV, templatePath: path.join(dir, 'manifest.template.json'), out: path.join(dir, 'x.zip') }));
    expect(problems).toEqual(['icon color.png must be 192x192 pixels (it is 32x32)', 'icon outline.png is not a PNG file']);
  });

  test('the committed icons are the sizes Teams needs; the outline icon is white on transparent', () => {
    const colour = fs.readFileSync(path.join(TEAMS_DIR, 'color.png'));
    expect(readPngInfo(colour)).toMatchObject({ width: 192, height: 192 });
    const outline = rgbaPixels(fs.readFileSync(path.join(TEAMS_DIR, 'outline.png')));
    expect(outline.width).toBe(32);
    let transparent = 0;
    let drawn = 0;
    for (let i = 0; i < outline.pixels.length; i += 4) {
      const [r, g, b, a] = outline.pixels.subarray(i, i + 4);
      if (a === 0) transparent += 1;
      else {
        drawn += 1;
        expect([r, g, b]).toEqual([255, 255, 255]);
      }
    }
    expect(transparent).toBeGreaterThan(500);
    expect(drawn).toBeGreaterThan(100);
  });

  test('command-line arguments', () => {
    expect(parseArgs([])).toEqual({ dev: false });
    expect(parseArgs(['--dev', '--out', 'x.zip'])).toEqual({ dev: true, out: 'x.zip' });
    expect(parseArgs(['--out=y.zip'])).toEqual({ dev: false, out: 'y.zip' });
    expect(() => parseArgs(['--upload'])).toThrow(/unknown argument "--upload"/);
  });
});
