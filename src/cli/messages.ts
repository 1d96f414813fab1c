// Every user-facing message of the CLI's own edges (output targets, folders, the key, the
// connection), as named functions, so tests assert the message by name.

export const outIsDirectory = (flag: string, file: string) =>
  `${flag} ${file}: is a directory: expected a file name (e.g. docs/NAME.md); nothing was written`;
export const outParentNotDirectory = (flag: string, file: string, parent: string) =>
  `${flag} ${file}: ${parent} is not a directory; nothing was written`;
export const dataFolderMissing = (folder: string) => `--data ${folder}: no such folder: expected the folder of datasets (data/<name>/dataset.json)`;
export const dataFolderNotDirectory = (folder: string) => `--data ${folder}: not a folder: expected the folder of datasets (data/<name>/dataset.json)`;
export const inputIsDirectory = (flag: string, file: string) => `${flag}${file}: is a directory: expected a file`;
export const authOnCommandLine = () =>
  'warning: --auth puts the key in the process list, where any local user can read it; ' +
  'prefer __OW_API_KEY, AUTH in ~/.wskprops, or --auth-file FILE';
export const authFileUnreadable = (file: string, reason: string) => `--auth-file ${file}: cannot read the file: ${reason}`;
export const authFileMalformed = (file: string) => `--auth-file ${file}: expected one line UUID:KEY`;
export const authTwice = () => 'give the key one way: --auth or --auth-file, not both';
