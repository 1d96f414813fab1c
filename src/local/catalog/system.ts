// The whisk.system namespace every user may read: utils (real nodejs:20 actions), alarms (feed
// actions with the `feed` annotation) and apimgmt (the web actions the client's routes API
// calls). Packages are published, as in OpenWhisk's installed catalog.
import type { WhiskContext } from '../api/context.js';
import { alarmFeed, type AlarmKind } from './alarm-feed.js';
import { routeActions } from './apimgmt.js';
import type { Builtin } from './builtin.js';
import { UTILS_ACTIONS } from './utils.js';

const IN_SERVER_CODE = '// runs inside the embedded owbench server';

export function installCatalog(ctx: WhiskContext): void {
  const { actions, packages } = ctx.system;
  const put = (pkg: string, name: string, code: string, annotations: Array<{ key: string; value: unknown }>) =>
    actions.put(`${pkg}/${name}`, { exec: { kind: 'nodejs:20', code }, annotations }, true);

  packages.put('utils', { publish: true, annotations: [{ key: 'description', value: 'Building blocks that format and assemble data' }] }, true);
  for (const [name, { code, description }] of Object.entries(UTILS_ACTIONS)) put('utils', name, code, [{ key: 'description', value: description }]);

  packages.put('alarms', { publish: true, annotations: [{ key: 'description', value: 'Alarms and periodic utility' }] }, true);
  for (const kind of ['alarm', 'interval', 'once'] as AlarmKind[]) {
    put('alarms', kind, IN_SERVER_CODE, [{ key: 'feed', value: true }]);
    builtin(ctx, `alarms/${kind}`, alarmFeed(ctx, kind));
  }

  packages.put('apimgmt', { publish: false }, true);
  for (const [name, handler] of Object.entries(routeActions(ctx))) {
    put('apimgmt', name, IN_SERVER_CODE, [{ key: 'web-export', value: true }, { key: 'final', value: true }]);
    builtin(ctx, `apimgmt/${name}`, handler);
  }
}

function builtin(ctx: WhiskContext, name: string, handler: Builtin): void {
  ctx.builtins.set(`${ctx.system.namespace}/${name}`, handler);
}
