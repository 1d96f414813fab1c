// An action written as a CommonJS module: the entry is exports.main, and require() works.
const os = require('node:os');
exports.main = async function (params) {
  return { hostnameIsString: typeof os.hostname() === 'string', greeting: `hello ${params.name ?? 'world'}` };
};
