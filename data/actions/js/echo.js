// Returns its parameters and the OpenWhisk environment it ran with; logs one line on each stream.
function main(params) {
  console.log('echo stdout', JSON.stringify(params));
  console.error('echo stderr');
  const env = {};
  for (const key of Object.keys(process.env)) if (key.startsWith('__OW_')) env[key] = process.env[key];
  return { params, env, pid: process.pid };
}
