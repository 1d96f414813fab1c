// Text for a terminal: a control character in a runtime name or a file name ("black\u001b[2Jbox")
// must not move the cursor or clear the screen, so C0/C1 controls and DEL print as \u escapes.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_NEWLINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Output of several lines (a table): newlines and tabs stay, every other control is escaped. */
export function terminalText(text: string): string {
  return text.replace(CONTROL, escape);
}

/** A one-line message: newlines are escaped too, so a message is exactly one line. */
export function terminalLine(text: string): string {
  return text.replace(CONTROL_OR_NEWLINE, escape);
}

/** `owbench: MESSAGE` on stderr, one line. */
export function printError(message: string): void {
  process.stderr.write(`owbench: ${terminalLine(message)}\n`);
}

export function printWarning(message: string): void {
  process.stderr.write(`owbench: warning: ${terminalLine(message)}\n`);
}
