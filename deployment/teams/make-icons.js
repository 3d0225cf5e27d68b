#!/usr/bin/env node
// Draws the two Teams app icons and writes them as PNG files beside this script.
// Only Node's built-in zlib is used, so anyone can regenerate them: `node deployment/teams/make-icons.js`.
//
// colour.png  192x192: a white speech bubble holding a heart, on the accent colour (full bleed, as Teams asks).
// outline.png  32x32: the same bubble as a white line with a white heart, on a transparent background.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const ACCENT = [0x1f, 0x6f, 0x78]; // must match accentColor in manifest.template.json
const WHITE = [255, 255, 255];
const SUPERSAMPLE = 4; // 4x4 samples per pixel gives smooth edges without a graphics library

// ---- shapes as signed distance functions in a unit square (0..1, y down); negative is inside

function roundedBox(x, y, cx, cy, halfW, halfH, radius) {
  const qx = Math.abs(x - cx) - halfW + radius;
  const qy = Math.abs(y - cy) - halfH + radius;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

function triangle(x, y, a, b, c) {
  // Distance to a triangle: negative inside. Small and exact enough for an icon.
  const edges = [
    [a, b],
    [b, c],
    [c, a],
  ];
  let best = Infinity;
  let sign = 1;
  let inside = 0;
  for (const [p, q] of edges) {
    const ex = q[0] - p[0];
    const ey = q[1] - p[1];
    const wx = x - p[0];
    const wy = y - p[1];
    const t = Math.max(0, Math.min(1, (wx * ex + wy * ey) / (ex * ex + ey * ey)));
    best = Math.min(best, Math.hypot(wx - ex * t, wy - ey * t));
    if (ex * wy - ey * wx > 0) inside += 1;
  }
  if (inside === 3 || inside === 0) sign = -1;
  return sign * best;
}

function bubble(x, y) {
  const body = roundedBox(x, y, 0.5, 0.45, 0.34, 0.25, 0.1);
  const tail = triangle(x, y, [0.3, 0.62], [0.46, 0.66], [0.26, 0.84]);
  return Math.min(body, tail);
}

function heart(x, y, cx, cy, size) {
  // Two circles and a point: readable at 32 pixels, where finer curves blur.
  const u = (x - cx) / size;
  const v = (y - cy) / size;
  const lobes = Math.min(Math.hypot(u + 0.25, v + 0.1) - 0.28, Math.hypot(u - 0.25, v + 0.1) - 0.28);
  const point = triangle(u, v, [-0.5, 0.02], [0.5, 0.02], [0, 0.55]);
  return Math.min(lobes, point) * size;
}

// ---- rasterising

function render(size, shade) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy += 1) {
        for (let sx = 0; sx < SUPERSAMPLE; sx += 1) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          const [cr, cg, cb, ca] = shade(x, y);
          // premultiply so partly covered samples average correctly
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const i = (py * size + px) * 4;
      const n = SUPERSAMPLE * SUPERSAMPLE;
      rgba[i] = a === 0 ? 0 : Math.round(r / a);
      rgba[i + 1] = a === 0 ? 0 : Math.round(g / a);
      rgba[i + 2] = a === 0 ? 0 : Math.round(b / a);
      rgba[i + 3] = Math.round((a / n) * 255);
    }
  }
  return rgba;
}

function colourShade(x, y) {
  const inHeart = heart(x, y, 0.5, 0.44, 0.3) < 0;
  if (bubble(x, y) < 0 && !inHeart) return [...WHITE, 1];
  return [...ACCENT, 1];
}

function outlineShade(x, y) {
  const line = 0.075; // about 2.4 pixels at 32x32
  const d = bubble(x, y);
  const onLine = d < 0 && d > -line;
  const inHeart = heart(x, y, 0.5, 0.44, 0.3) < 0;
  return onLine || inHeart ? [...WHITE, 1] : [0, 0, 0, 0];
}

// ---- PNG encoding (RGBA, 8 bits per channel, no interlace)

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: truecolour with alpha
  header[10] = 0;
  header[11] = 0;
  header[12] = 0;
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = __dirname;
  fs.writeFileSync(path.join(outDir, 'color.png'), encodePng(192, render(192, colourShade)));
  fs.writeFileSync(path.join(outDir, 'outline.png'), encodePng(32, render(32, outlineShade)));
  console.log(`Wrote color.png (192x192) and outline.png (32x32) in ${outDir}`);
}

main();
