// owbench's own version, read once from package.json so reports and run logs can cite it.
import { readFileSync } from 'node:fs';

const packageJson = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as { version: string };

export const version: string = packageJson.version;
