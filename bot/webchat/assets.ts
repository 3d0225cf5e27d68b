import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** A file served from memory, with a gzip copy made on first use. */
export interface Asset {
  body: Buffer;
  contentType: string;
  gzipped?: Buffer;
}

/** The repository root, found from here whether running from bot/ (tests) or dist/bot/ (npm start). */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/** The prebuilt UMD bundle of botframework-webchat, served from our own origin (no CDN). */
export function webChatBundlePath(): string {
  return path.join(webChatPackageDir(), 'dist', 'webchat.js');
}

export function webChatVersion(): string {
  return (JSON.parse(readFileSync(path.join(webChatPackageDir(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** The package's folder; its `exports` map hides package.json, so walk up from the entry point. */
function webChatPackageDir(): string {
  return projectRoot(path.dirname(require.resolve('botframework-webchat')));
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

export function loadAsset(file: string): Asset {
  return { body: readFileSync(file), contentType: TYPES[path.extname(file)] ?? 'application/octet-stream' };
}

export function gzipOf(asset: Asset): Buffer {
  asset.gzipped ??= gzipSync(asset.body);
  return asset.gzipped;
}
