// The action's log limit (limits.logs, MB), as OpenWhisk's log collection applies it: lines are
// kept while their bytes fit, then one line says the rest was cut.
import { formatLogLine } from '../runtimes/log-lines.js';

export function truncationNotice(limitBytes: number): string {
  return `Logs were truncated because the total bytes size exceeds the limit of ${limitBytes} bytes.`;
}

export function capLogs(lines: string[], limitMb: number): string[] {
  const limitBytes = limitMb * 1024 * 1024;
  let used = 0;
  for (let i = 0; i < lines.length; i++) {
    used += Buffer.byteLength(lines[i]!);
    if (used > limitBytes) {
      return [...lines.slice(0, i), formatLogLine({ time: Date.now(), stream: 'stderr', text: truncationNotice(limitBytes) })];
    }
  }
  return lines;
}
