// curl as a user types it: no credentials unless given through curl's config on stdin (`-K -`),
// so that a key never shows in the process list; -i keeps the status line and headers.
import { execFile } from 'node:child_process';

export interface CurlAnswer {
  status: number;
  headers: { [name: string]: string };
  body: string;
}

/** `args[0]` may be a `user = "uuid:key"` config line; the rest are curl arguments. */
export async function curl(url: string, ...args: string[]): Promise<CurlAnswer> {
  const config = args[0]?.startsWith('user = ') ? args.shift()! : '';
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = execFile('curl', ['-s', '-i', '-K', '-', ...args, url], (error, out) => (error ? reject(error) : resolve(out)));
    child.stdin!.end(config);
  });
  const cut = stdout.indexOf('\r\n\r\n');
  const [statusLine, ...lines] = stdout.slice(0, cut).split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine!.split(' ')[1]), headers, body: stdout.slice(cut + 4) };
}

