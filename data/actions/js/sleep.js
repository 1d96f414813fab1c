// Waits `ms` milliseconds (default 100) before answering: an asynchronous main.
async function main(params) {
  const ms = Number(params.ms ?? 100);
  await new Promise((resolve) => setTimeout(resolve, ms));
  return { slept: ms, pid: process.pid };
}
