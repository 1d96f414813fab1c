// The floors under `owbench analyze` for the benchmark's inputs, each a process of its own so
// GNU time measures it as it measures the tools: `read`, the file's bytes read and hashed (what
// any reader pays); `parse`, that plus the least a JavaScript reader does to get at the values
// (JSON.parse of the array or of each NDJSON line, a split of each CSV line at its commas); and
// `ingest`, owbench's own activation table (row objects) built and nothing analysed.
//
// Plain JavaScript, run by node itself. usage: node bench/analyze/floor.mjs FILE flat|ndjson|csv read|parse|ingest
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const [file, format, stage] = process.argv.slice(2);
if (stage === 'ingest') {
  const { ingestFiles } = await import('../../dist/ingest/index.js');
  console.log(ingestFiles([file]).activations.length);
} else {
  const bytes = readFileSync(file);
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (stage === 'read') console.log(digest);
  else if (stage === 'parse') console.log(valuesIn(bytes.toString('utf8')));
  else throw new Error('usage: floor.mjs FILE flat|ndjson|csv read|parse|ingest');
}

/** How many records the text holds, each parsed as plainly as JavaScript can. */
function valuesIn(text) {
  if (format === 'flat') return JSON.parse(text).length;
  let records = 0;
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end > start) {
      const line = text.slice(start, end);
      if (format === 'ndjson') JSON.parse(line);
      else line.split(',');
      records++;
    }
    start = end + 1;
  }
  return format === 'csv' ? records - 1 : records;
}
