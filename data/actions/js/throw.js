// Throws: the runtime answers 502 "An error has occurred: ..." (an action developer error).
function main(params) {
  throw new Error(params.message ?? 'thrown on purpose');
}
