import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { Client } from 'pg';

/**
 * A throwaway PostgreSQL server for tests: its own data directory, a fresh
 * CA and server certificate made with openssl, TLS-only access (`hostssl` and
 * no Unix socket), SCRAM passwords, a free loopback port.
 */
export const PG_BIN_ENV = 'GOLDENPATH_PG_BIN';
/** Where Debian's postgresql-NN packages put the server binaries (not on PATH). */
const DEBIAN_PG_ROOT = '/usr/lib/postgresql';
const HOST = '127.0.0.1';
const SUPERUSER = 'gp_test_super';
/** Unix user the server runs as when the tests run as root (postgres refuses root). */
const SERVER_OS_USER = 'postgres';

export type PostgresAvailability = { readonly available: true; readonly binDir: string } | { readonly available: false; readonly reason: string };

function hasServerBinaries(dir: string): boolean {
  return existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'));
}

function debianBinDirs(): string[] {
  if (!existsSync(DEBIAN_PG_ROOT)) return [];
  const versions = spawnSync('ls', [DEBIAN_PG_ROOT], { encoding: 'utf8' }).stdout.split('\n').filter((v) => /^\d+$/.test(v));
  return versions.sort((a, b) => Number(b) - Number(a)).map((v) => join(DEBIAN_PG_ROOT, v, 'bin'));
}

let cached: PostgresAvailability | undefined;

/** Looks in $GOLDENPATH_PG_BIN, then PATH, then /usr/lib/postgresql/<version>/bin. */
export function postgresAvailability(): PostgresAvailability {
  if (cached !== undefined) return cached;
  const fromEnv = process.env[PG_BIN_ENV];
  const candidates = [...(fromEnv ? [fromEnv] : []), ...(process.env.PATH ?? '').split(delimiter).filter((d) => d !== ''), ...debianBinDirs()];
  const binDir = candidates.find(hasServerBinaries);
  cached =
    binDir === undefined
      ? {
          available: false,
          reason: `PostgreSQL server binaries (initdb, postgres) not found in $${PG_BIN_ENV}, PATH or ${DEBIAN_PG_ROOT}/<version>/bin; install the Debian package postgresql-15`,
        }
      : { available: true, binDir };
  return cached;
}

/** `describe` when PostgreSQL is installed; otherwise a loudly skipped block whose title carries the reason. */
export function describeWithPostgres(title: string, body: () => void): void {
  const pg = postgresAvailability();
  if (pg.available) {
    describe(title, body);
    return;
  }
  process.stderr.write(`\n*** SKIPPED PostgreSQL tests "${title}": ${pg.reason} ***\n\n`);
  describe.skip(`${title} [SKIPPED: ${pg.reason}]`, body);
}

export interface TlsPostgres {
  readonly host: string;
  readonly port: number;
  /** PEM of the CA that signed the server certificate. */
  readonly caCertificate: string;
  /** PEM of an unrelated CA, for proving verification fails against it. */
  readonly otherCaCertificate: string;
  readonly superuser: { readonly user: string; readonly password: string };
  /** A verified-TLS session as any login. */
  connect(user: string, password: string, database?: string): Promise<Client>;
  /** A superuser session on the maintenance database. */
  superSession(): Promise<Client>;
  stop(): Promise<void>;
}

function run(cmd: string, args: readonly string[], cwd?: string): void {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.error) throw new Error(`${cmd} could not run: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}):\n${r.stderr}${r.stdout}`);
}

function assertOpenssl(): void {
  const r = spawnSync('openssl', ['version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error('openssl is required to make the test CA and server certificate: install the Debian package openssl');
}

function makeCa(dir: string, name: string): void {
  run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', `/CN=${name}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
    '-keyout', join(dir, `${name}.key`), '-out', join(dir, `${name}.crt`)]);
}

/** A throwaway CA certificate (PEM) in dir, for tests that need a valid bundle but no server. */
export function makeTestCaBundle(dir: string): string {
  assertOpenssl();
  makeCa(dir, 'bundle-ca');
  return join(dir, 'bundle-ca.crt');
}

/** CA + server certificate for 127.0.0.1 (IP SAN, so hostname verification applies). */
function makeCertificates(dir: string): void {
  assertOpenssl();
  makeCa(dir, 'test-ca');
  makeCa(dir, 'other-ca');
  run('openssl', ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', `/CN=${HOST}`,
    '-keyout', join(dir, 'server.key'), '-out', join(dir, 'server.csr')]);
  writeFileSync(join(dir, 'server.ext'), `subjectAltName=IP:${HOST}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
  run('openssl', ['x509', '-req', '-in', join(dir, 'server.csr'), '-CA', join(dir, 'test-ca.crt'), '-CAkey', join(dir, 'test-ca.key'),
    '-CAcreateserial', '-days', '1', '-extfile', join(dir, 'server.ext'), '-out', join(dir, 'server.crt')]);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function osUserIds(user: string): { uid: number; gid: number } {
  const uid = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', user], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) throw new Error(`tests run as root, and PostgreSQL refuses root: create the "${user}" user (the Debian postgresql package does)`);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * The command prefix that runs a server binary: as root, setpriv drops to the
 * postgres user; the server also gets SIGQUIT (immediate shutdown) when the
 * test process dies, so no server outlives a crashed run.
 */
function launcher(asRoot: boolean, withDeathSignal: boolean): string[] {
  const setprivOk = spawnSync('setpriv', ['--version']).status === 0;
  if (!setprivOk) {
    if (asRoot) throw new Error('tests run as root and need setpriv (Debian package util-linux) to start PostgreSQL as a normal user');
    return [];
  }
  return ['setpriv', ...(withDeathSignal ? ['--pdeathsig=SIGQUIT'] : []), ...(asRoot ? [`--reuid=${SERVER_OS_USER}`, `--regid=${SERVER_OS_USER}`, '--init-groups'] : [])];
}

function spawnPrefixed(prefix: readonly string[], cmd: string, args: readonly string[]): { cmd: string; args: string[] } {
  return prefix.length === 0 ? { cmd, args: [...args] } : { cmd: prefix[0] as string, args: [...prefix.slice(1), cmd, ...args] };
}

async function waitUntilReady(server: ChildProcess, log: () => string, connect: () => Promise<Client>): Promise<void> {
  const deadline = Date.now() + 30000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`PostgreSQL exited during start (code ${server.exitCode}):\n${log()}`);
    try {
      const c = await connect();
      await c.end();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept TLS connections within 30 s: ${(err as Error).message}\n${log()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export async function startTlsPostgres(): Promise<TlsPostgres> {
  const pg = postgresAvailability();
  if (!pg.available) throw new Error(pg.reason);
  const root = mkdtempSync(join(tmpdir(), 'gp-pg-'));
  const certs = join(root, 'certs');
  const data = join(root, 'data');
  mkdirSync(certs);
  makeCertificates(certs);

  const asRoot = process.getuid?.() === 0;
  const superPassword = `super-${Math.random().toString(36).slice(2)}`;
  writeFileSync(join(root, 'pwfile'), `${superPassword}\n`);
  if (asRoot) {
    const ids = osUserIds(SERVER_OS_USER);
    for (const p of [root, certs, join(root, 'pwfile'), join(certs, 'server.key'), join(certs, 'server.crt')]) chownSync(p, ids.uid, ids.gid);
  }
  chmodSync(join(certs, 'server.key'), 0o600);

  const initdb = spawnPrefixed(launcher(asRoot, false), join(pg.binDir, 'initdb'), [
    '-D', data, '-U', SUPERUSER, `--pwfile=${join(root, 'pwfile')}`, '--auth=scram-sha-256', '-E', 'UTF8', '--no-sync', '--no-instructions',
  ]);
  run(initdb.cmd, initdb.args);
  // TLS only: no plain `host` line, no local socket.
  writeFileSync(join(data, 'pg_hba.conf'), `hostssl all all ${HOST}/32 scram-sha-256\n`);

  const port = await freePort();
  const postgres = spawnPrefixed(launcher(asRoot, true), join(pg.binDir, 'postgres'), [
    '-D', data,
    '-c', `listen_addresses=${HOST}`, '-c', `port=${port}`, '-c', 'unix_socket_directories=',
    '-c', 'ssl=on', '-c', `ssl_cert_file=${join(certs, 'server.crt')}`, '-c', `ssl_key_file=${join(certs, 'server.key')}`,
    '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=60',
  ]);
  let output = '';
  const server = spawn(postgres.cmd, postgres.args, { stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (output += d.toString()));

  const caCertificate = readFileSync(join(certs, 'test-ca.crt'), 'utf8');
  const connect = async (user: string, password: string, database = 'postgres'): Promise<Client> => {
    const client = new Client({ host: HOST, port, user, password, database, ssl: { rejectUnauthorized: true, ca: caCertificate }, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    return client;
  };
  const stop = async (): Promise<void> => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
      server.kill('SIGINT');
      const timer = setTimeout(() => server.kill('SIGKILL'), 10000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(root, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(server, () => output, () => connect(SUPERUSER, superPassword));
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    host: HOST,
    port,
    caCertificate,
    otherCaCertificate: readFileSync(join(certs, 'other-ca.crt'), 'utf8'),
    superuser: { user: SUPERUSER, password: superPassword },
    connect,
    superSession: () => connect(SUPERUSER, superPassword),
    stop,
  };
}
