// Keeps `mb` megabytes (default 64) of JavaScript heap alive; beyond the container's
// --max-old-space-size the process dies of heap exhaustion.
function main(params) {
  const mb = Number(params.mb ?? 64);
  const keep = [];
  for (let i = 0; i < mb; i += 1) {
    // 1 MB of doubles in a regular array (V8 heap, unlike a Buffer)
    keep.push(new Array(131072).fill(i + 0.5));
  }
  return { allocatedMb: mb, pid: process.pid };
}
