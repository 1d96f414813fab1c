// Ends its own process mid-activation: the container crashes.
function main(params) {
  console.log('about to exit');
  process.exit(Number(params.code ?? 3));
}
