// Text widths from the font file's own advance widths (TrueType cmap + hmtx), in place of vega's
// guess of 0.8 em per character or a canvas that depends on the machine's fonts: the same bytes
// everywhere, and labels laid out for the glyphs resvg will draw. No kerning: a pixel or two wide.
import { readFileSync } from 'node:fs';

export interface FontMetrics {
  /** Width of `text` at `size` px. */
  width(text: string, size: number): number;
}

export function loadFontMetrics(file: string): FontMetrics {
  const font = readFileSync(file);
  const tables = tableOffsets(font, file);
  const unitsPerEm = font.readUInt16BE(tables.head + 18);
  const metricsCount = font.readUInt16BE(tables.hhea + 34);
  const glyphOf = cmapFormat4(font, tables.cmap, file);
  const advance = (glyph: number) => font.readUInt16BE(tables.hmtx + 4 * Math.min(glyph, metricsCount - 1));
  const cache = new Map<number, number>();
  const advanceOf = (codePoint: number) => {
    let units = cache.get(codePoint);
    if (units === undefined) {
      units = advance(glyphOf(codePoint));
      cache.set(codePoint, units);
    }
    return units;
  };
  return {
    width(text, size) {
      let units = 0;
      for (const char of text) units += advanceOf(char.codePointAt(0) as number);
      return (units * size) / unitsPerEm;
    },
  };
}

function tableOffsets(font: Buffer, file: string): Record<'head' | 'hhea' | 'hmtx' | 'cmap', number> {
  const found: Record<string, number> = {};
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    found[font.toString('latin1', record, record + 4)] = font.readUInt32BE(record + 8);
  }
  for (const tag of ['head', 'hhea', 'hmtx', 'cmap']) {
    if (found[tag] === undefined) throw new Error(`${file}: no ${tag} table; expected a TrueType font`);
  }
  return found as Record<'head' | 'hhea' | 'hmtx' | 'cmap', number>;
}

/** The Windows Unicode BMP subtable (platform 3, encoding 1, format 4): code point → glyph. */
function cmapFormat4(font: Buffer, cmap: number, file: string): (codePoint: number) => number {
  const count = font.readUInt16BE(cmap + 2);
  let sub = -1;
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + 8 * i;
    if (font.readUInt16BE(record) === 3 && font.readUInt16BE(record + 2) === 1) sub = cmap + font.readUInt32BE(record + 4);
  }
  if (sub < 0 || font.readUInt16BE(sub) !== 4) throw new Error(`${file}: no format-4 Unicode cmap`);
  const segments = font.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    for (let s = 0; s < segments; s++) {
      if (font.readUInt16BE(ends + 2 * s) < codePoint) continue;
      const start = font.readUInt16BE(starts + 2 * s);
      if (start > codePoint) return 0;
      const delta = font.readUInt16BE(deltas + 2 * s);
      const rangeOffset = font.readUInt16BE(rangeOffsets + 2 * s);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyph = font.readUInt16BE(rangeOffsets + 2 * s + rangeOffset + 2 * (codePoint - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}
