// Turns a WASI run (captured lines, exit code, trap) into the proxy answer of wasm:0.1: the last
// non-empty stdout line is the result, the rest are logs; wow's envelope around the result.
import type { ProxyAnswer } from '../../container.js';
import type { LogLine } from '../log-lines.js';
import { message } from '../messages.js';

export function wasmAnswer(
  lines: LogLine[],
  exitCode: number | undefined,
  trap: string | undefined,
  envelope: boolean,
  format: (lines: LogLine[]) => string[],
): ProxyAnswer {
  const resultAt = trap ? -1 : lastIndexWhere(lines, (l) => l.stream === 'stdout' && l.text.trim() !== '');
  const logLines = lines.filter((_, i) => i !== resultAt);
  if (trap) {
    const logs = format([...logLines, { time: Date.now(), stream: 'stderr', text: trap }]);
    return { statusCode: 502, body: { error: message.exitedUnexpectedly() }, logs, timedOut: false, crashed: true };
  }
  const logs = format(logLines);
  const text = resultAt === -1 ? '' : lines[resultAt]!.text;
  const result = parseObject(text);
  if (!result) {
    const why = exitCode ? `${text} (exit code ${exitCode})`.trim() : text;
    return { statusCode: 502, body: { error: message.invalidJson(why) }, logs, timedOut: false, crashed: false };
  }
  if (!envelope) return { statusCode: 200, body: result, logs, timedOut: false, crashed: false };
  const failed = 'error' in result;
  const body = failed
    ? { result, status: 'application error', status_code: 1, success: false }
    : { result, status: 'success', status_code: 0, success: true };
  return { statusCode: 200, body, logs, timedOut: false, crashed: false };
}

function lastIndexWhere<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i -= 1) if (test(items[i]!)) return i;
  return -1;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
