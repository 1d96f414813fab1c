// Entity versions: each update bumps the patch number (SemVer.upPatch).
export function upPatch(version: string): string {
  const [major = '0', minor = '0', patch = '0'] = version.split('.');
  return `${major}.${minor}.${Number(patch) + 1}`;
}
