/**
 * The site's share image (og:image, twitter:card), drawn here as a PNG so the
 * live site (/og-image.png) and the export (og-image.png) serve the same file
 * with nothing binary in the repository: 1200 x 630 (the size link previews
 * use), the site's dark blue with a light band. It carries no text, so it
 * never disagrees with a page's title.
 */
import { crc32, deflateSync } from 'node:zlib';

const WIDTH = 1200;
const HEIGHT = 630;
const BACKGROUND = [0x1f, 0x3a, 0x5f];
const BAND = [0xe8, 0xf0, 0xf8];
const ACCENT = [0x3b, 0x82, 0xc4];

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function colorAt(x: number, y: number): number[] {
  if (y >= 400 && y < 440) return BAND;
  if (y >= 440 && y < 452 && x < 360) return ACCENT;
  return BACKGROUND;
}

let cached: Buffer | null = null;

export function ogImagePng(): Buffer {
  if (cached) return cached;
  const rows = Buffer.alloc(HEIGHT * (1 + WIDTH * 3));
  for (let y = 0; y < HEIGHT; y++) {
    const start = y * (1 + WIDTH * 3);
    for (let x = 0; x < WIDTH; x++) rows.set(colorAt(x, y), start + 1 + x * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  cached = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return cached;
}
