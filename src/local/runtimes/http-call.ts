// Reading an action proxy's answer body (the proxies answer over unix sockets: docker/socket-call.ts).

/** The proxy's body as an object; anything else becomes OpenWhisk's "not a valid JSON" error. */
export function parseAnswerBody(text: string, invalid: (text: string) => string): { ok: boolean; body: Record<string, unknown> } {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed !== null && typeof parsed === 'object') return { ok: true, body: parsed as Record<string, unknown> };
  } catch {
    // fall through
  }
  return { ok: false, body: { error: invalid(text) } };
}
