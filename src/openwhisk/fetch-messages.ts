// Every message `owbench fetch` can give a user, named, so that tests assert the message and not a
// copy of its text. None of them ever carries the auth key: hosts are printed without userinfo.

export const fetchMessages = {
  noConnection: 'fetch: no OpenWhisk is configured: give --apihost and --auth, __OW_API_HOST and __OW_API_KEY, or APIHOST and AUTH in ~/.wskprops',
  outRequired: 'fetch: give --out FILE.ndjson (or --resume FILE.partial)',
  badInstant: (flag: string, value: string) =>
    `fetch: ${flag} ${JSON.stringify(value)} is not a time: give epoch milliseconds (1733000000000) or an ISO 8601 date (2026-12-01T20:00:00Z)`,
  emptyWindow: (since: number, upto: number) => `fetch: --since (${since}) is later than --upto (${upto}): the window holds nothing`,
  badLimit: (value: string) => `fetch: --limit ${JSON.stringify(value)} is not a positive whole number`,
  badSettle: (value: string) => `fetch: --settle ${JSON.stringify(value)} is not a whole number of milliseconds`,
  badName: (value: string) => `fetch: --name ${JSON.stringify(value)} is not an action name: give ACTION or PACKAGE/ACTION`,
  partialExists: (partial: string) =>
    `fetch: ${partial}: an interrupted pull is there; finish it with --resume ${partial}, or delete it to start over`,
  outIsPartial: (out: string) => `fetch: --out ${out} ends in .partial, the name fetch gives its unfinished pulls: choose another name`,
  resumeNotPartial: (file: string) => `fetch: --resume ${file}: give the .partial file an interrupted pull left behind`,
  resumeUnreadable: 'cannot read the interrupted pull',
  resumeBadHeader: 'expected the header {"type":"fetch","version":1,...} of an interrupted pull',
  resumeBadLine: 'not an activation record (a JSON object with activationId and start)',
  resumeDuplicate: (id: string) => `activation ${id} is in the file twice`,
  resumeConflict: (flag: string, was: string, now: string) =>
    `fetch: ${flag} ${now} differs from the interrupted pull's ${was}: resume without it, or start a new pull`,
  resumeOtherHost: (was: string, now: string) =>
    `fetch: the interrupted pull read ${was}, but the connection now points at ${now}: resume it against the same deployment`,
  couldNotConnect: (host: string, detail: string) => `could not connect to ${host} (${detail})`,
  authRejected: (host: string, status: number) =>
    `fetch: ${host} answered HTTP ${status}: the auth key or namespace was not accepted (check --auth, __OW_API_KEY or AUTH)`,
  serverRefused: (host: string, status: number, detail: string) => `fetch: ${host} answered HTTP ${status}: ${detail}`,
  serverKeptFailing: (host: string, detail: string, partial: string) =>
    `fetch: ${host} kept failing (${detail}); what was fetched is kept in ${partial}: finish with --resume ${partial}`,
  noCount: (host: string) => `fetch: ${host} did not answer count=true with {"activations": N}: cannot check the pull is complete`,
  notFullRecords: (host: string) => `fetch: ${host} listed activations without their records (docs=true was ignored): cannot write full records`,
  outsideWindow: (host: string, id: string) => `fetch: ${host} listed activation ${id} outside the requested since/upto window: the server does not honour since/upto`,
} as const;
