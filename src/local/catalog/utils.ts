// The whisk.system/utils catalog, written for this server after the behaviour documented for
// OpenWhisk's utils package (openwhisk-catalog packages/utils): plain nodejs:20 actions that run
// in real runtime containers like any user action.
export const UTILS_ACTIONS: Record<string, { code: string; description: string }> = {
  echo: {
    description: 'Returns the input',
    code: 'function main(params) { return params; }',
  },
  cat: {
    description: 'Concatenates input into a string',
    code: "function main(params) { const lines = params.lines || []; return { lines, payload: lines.join('\\n') }; }",
  },
  sort: {
    description: 'Sorts an array',
    code: 'function main(params) { const lines = [...(params.lines || [])].sort(); return { lines, length: lines.length }; }',
  },
  split: {
    description: 'Splits a string into an array of strings',
    code: "function main(params) { const payload = String(params.payload ?? ''); const separator = params.separator ?? '\\n'; return { lines: payload.split(separator) }; }",
  },
  head: {
    description: 'Extracts the prefix of an array',
    code: 'function main(params) { const num = Number(params.num ?? 1); return { lines: (params.lines || []).slice(0, num) }; }',
  },
  date: {
    description: 'Current date and time',
    code: 'function main() { return { date: new Date().toISOString() }; }',
  },
  namespace: {
    description: 'Returns namespace for the authorization key used to invoke this action',
    code: 'function main() { return { namespace: process.env.__OW_NAMESPACE }; }',
  },
  wordCount: {
    description: 'Counts the words in a string',
    code: "function main(params) { const words = String(params.payload ?? '').split(/\\s+/).filter(Boolean); return { count: words.length }; }",
  },
};
