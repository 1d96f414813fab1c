// Does nothing; returns its process id so a caller can see warm reuse.
function main() {
  return { pid: process.pid };
}
