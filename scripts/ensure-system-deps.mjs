// Makes sure the system programs the test suite needs are present. As root on Debian/Ubuntu
// it installs what is missing with apt-get; otherwise it prints exactly what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { findChromium } from './lib/find-chromium.mjs';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = process.platform === 'linux' && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;

/** Each need: how to tell it is there, and the Debian package that provides it. */
const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const postgresBinaries = () =>
  onPath('initdb') ||
  (existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`)));
const bench = process.argv.includes('--bench');

const needs = [
  {
    what: 'Chromium (end-to-end UI tests)',
    present: () => findChromium() !== null,
    debian: 'chromium',
    elsewhere: 'Install Google Chrome or Chromium, or set PROOFDESK_CHROMIUM to the browser executable.',
  },
  {
    what: 'PostgreSQL server binaries (the hosted API tests run against a real PostgreSQL)',
    present: postgresBinaries,
    debian: 'postgresql',
    elsewhere: 'Install PostgreSQL 15 or newer (initdb and pg_ctl on PATH), or set PROOFDESK_TEST_PG_URL to a server you own.',
    skip: () => Boolean(process.env.PROOFDESK_TEST_PG_URL),
  },
  {
    what: 'exiftool (the XMP sidecar tests read what Proofdesk wrote back with it)',
    present: () => onPath('exiftool'),
    debian: 'libimage-exiftool-perl',
    elsewhere: 'Install ExifTool (macOS: brew install exiftool; Windows: exiftool.org).',
  },
  ...(bench
    ? [
        {
          what: 'vipsthumbnail (the reference tool the ingest benchmark compares against)',
          present: () => onPath('vipsthumbnail'),
          debian: 'libvips-tools',
          elsewhere: 'Install libvips (macOS: brew install vips).',
        },
      ]
    : []),
].filter((n) => !n.skip?.());

const missing = needs.filter((n) => !n.present());
if (missing.length === 0) process.exit(0);

if (isRoot && hasApt) {
  const packages = missing.map((n) => n.debian);
  console.log(`Installing system packages for the tests: ${packages.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
  const still = missing.filter((n) => !n.present());
  if (still.length === 0) process.exit(0);
  console.error(`Still missing after apt-get: ${still.map((n) => n.what).join(', ')}`);
  process.exit(1);
}

console.error('The tests need programs that are not installed:');
for (const need of missing) {
  console.error(`  - ${need.what}`);
  if (hasApt) console.error(`      sudo apt-get install -y ${need.debian}`);
  else console.error(`      ${need.elsewhere}`);
}
process.exit(1);
