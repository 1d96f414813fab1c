// The font every chart is drawn and measured with: DejaVu Sans from the dejavu-fonts-ttf package,
// so text widths (SVG layout) and glyphs (PNG) come from the same pinned files on every machine.
import { createRequire } from 'node:module';
import path from 'node:path';

export const FONT_FAMILY = 'DejaVu Sans';
/** What an SVG viewer falls back to when DejaVu Sans is not installed (GitHub's, say). */
export const FONT_STACK = `${FONT_FAMILY}, Verdana, sans-serif`;

const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONT_FILES = {
  regular: path.join(fontDir, 'DejaVuSans.ttf'),
  bold: path.join(fontDir, 'DejaVuSans-Bold.ttf'),
} as const;
