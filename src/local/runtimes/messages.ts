// The error texts a runtime puts in `body.error`, worded as OpenWhisk's invoker and runtimes word
// them (OPENWHISK.md §4), so records read the same as a real deployment's.

export const message = {
  timedOut: (ms: number) => `The action exceeded its time limits of ${ms} milliseconds.`,
  exitedUnexpectedly: () => 'The action did not produce a valid response and exited unexpectedly.',
  outOfMemory: () => 'The action exhausted its memory and was aborted.',
  notInitialized: () => 'System not initialized.',
  reinit: () => 'Cannot initialize the action more than once.',
  missingMain: () => 'Missing main/no code to execute.',
  initFailed: (why: string) => `Initialization has failed due to: ${why}`,
  notADictionary: () => 'The action did not return a dictionary.',
  runFailed: (why: string) => `An error has occurred: ${why}`,
  invalidJson: (body: string) => `The action did not produce a valid JSON or JSON Array response: ${body}`,
  unknownKind: (kind: string) => `Unknown runtime kind '${kind}' (known: nodejs:20, nodejs:default, blackbox, wasm:0.1).`,
  unknownImage: (image: string, folder: string | undefined) =>
    `The blackbox image '${image}' is neither registered nor an executable under ${folder ?? '(no configured folder)'}.`,
  destroyed: () => 'The container was destroyed.',
  resultTooLong: (length: number, limit: number, start: string) =>
    `The action produced a response that exceeded the allowed length: ${length} > ${limit} bytes. The truncated response was: ${start}`,
  imageMissing: (image: string) => `the image '${image}' is not on this machine`,
  dockerRequired: (reason: string) => `'docker' needs a Docker engine, but ${reason}`,
  noEngine: (socket: string, code: string) => `no Docker engine at ${socket} (${code})`,
  engineAnswered: (socket: string, status: number) => `the Docker engine at ${socket} answered ${status}`,
  imageNotBuilt: (image: string) => `the image ${image} is not built (run \`make images\`)`,
  processIsolationAsked: () => 'the configuration asks for process isolation',
} as const;
