import { release } from 'node:os';
import { findProjectRoot } from '../project';
import { colors, output } from '../output';
import { cliPackage, findPackageDir, readPackageVersion, resolveFrom } from '../package-info';

const ARMATURE_PACKAGES = ['@armature/core', '@armature/platform-uws', '@armature/platform-node', '@armature/testing', '@armature/websocket', '@armature/cli'];
const UWS_PACKAGE = '@trufflesuite/uws-js-unofficial';

export interface UwsInfo {
  package: string;
  version: string | null;
  /** The binary file @armature/platform-uws loads on this platform, Node ABI included. */
  binary: string;
  available: boolean | null;
  reason?: string;
}

export interface EnvironmentInfo {
  cli: string;
  project: string | null;
  node: string;
  platform: string;
  os: string;
  libc: string | null;
  packages: Record<string, string | null>;
  typescript: string | null;
  uws: UwsInfo;
}

function glibcVersion(): string | null {
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  return header?.glibcVersionRuntime === undefined ? null : `glibc ${header.glibcVersionRuntime}`;
}

/** Asks the installed @armature/platform-uws, which knows whether its binary loads here (and why not). */
function uwsInfo(fromDir: string): UwsInfo {
  const binary = `uws_${process.platform}_${process.arch}_${process.versions.modules}.node`;
  const platformDir = findPackageDir('@armature/platform-uws', fromDir);
  const uwsDir = findPackageDir(UWS_PACKAGE, platformDir ?? fromDir);
  const info: UwsInfo = { package: UWS_PACKAGE, version: uwsDir === undefined ? null : (readPackageVersion(uwsDir) ?? null), binary, available: null };
  const entry = platformDir === undefined ? undefined : resolveFrom(fromDir, '@armature/platform-uws');
  if (entry === undefined) return { ...info, reason: '@armature/platform-uws is not installed here' };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const availability = (require(entry) as { uwsAvailability(): { available: boolean; reason?: string } }).uwsAvailability();
    return { ...info, available: availability.available, reason: availability.reason };
  } catch (error) {
    return { ...info, available: false, reason: `@armature/platform-uws failed to load: ${(error as Error).message}` };
  }
}

export function collectInfo(cwd: string): EnvironmentInfo {
  const project = findProjectRoot(cwd) ?? null;
  const from = project ?? cwd;
  const packages: Record<string, string | null> = {};
  for (const name of ARMATURE_PACKAGES) {
    const dir = findPackageDir(name, from);
    packages[name] = dir === undefined ? null : (readPackageVersion(dir) ?? null);
  }
  const typescriptDir = findPackageDir('typescript', from);
  return {
    cli: cliPackage().version,
    project,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    os: release(),
    libc: process.platform === 'linux' ? glibcVersion() : null,
    packages,
    typescript: typescriptDir === undefined ? null : (readPackageVersion(typescriptDir) ?? null),
    uws: uwsInfo(from),
  };
}

function formatInfo(info: EnvironmentInfo): string {
  const rows = (entries: Array<[string, string]>) => {
    const width = Math.max(...entries.map(([key]) => key.length));
    return entries.map(([key, value]) => `  ${key.padEnd(width)}  ${value}`).join('\n');
  };
  const missing = colors.dim('not installed');
  const uws = info.uws;
  const uwsState =
    uws.available === true ? colors.green(`${uws.binary} (native, in use)`) : uws.available === false ? colors.yellow(`not usable: ${uws.reason} (the node:http adapter is used)`) : colors.dim(uws.reason ?? 'unknown');
  return [
    colors.bold(`Armature CLI ${info.cli}`),
    '',
    colors.bold('System'),
    rows([
      ['Node.js', `${info.node} (ABI ${process.versions.modules})`],
      ['Platform', `${info.platform}${info.libc === null ? '' : `, ${info.libc}`}`],
      ['OS release', info.os],
    ]),
    '',
    colors.bold(info.project === null ? 'Armature packages (no project here)' : `Armature packages (${info.project})`),
    rows([...Object.entries(info.packages).map(([name, version]): [string, string] => [name, version ?? missing]), ['typescript', info.typescript ?? missing]]),
    '',
    colors.bold('uWebSockets.js'),
    rows([
      ['Package', uws.version === null ? missing : `${uws.package} ${uws.version}`],
      ['Binary', uwsState],
    ]),
  ].join('\n');
}

export function runInfo(options: { json?: boolean }, cwd = process.cwd()): void {
  const info = collectInfo(cwd);
  output.result(options.json === true ? JSON.stringify(info, null, 2) : formatInfo(info));
}
