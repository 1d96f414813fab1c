// Returns {error}: an application error (HTTP 200 from the proxy, status "application error").
function main(params) {
  return { error: params.message ?? 'returned on purpose' };
}
