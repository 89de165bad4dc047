import { ledgerBucketOf, ledgerObjectKey, ledgerRowDigest, putLedgerRow, readLedgerBucket, type LedgerBucket } from '../../../ops/ledger/bucket-store';
import { loadEnvironment } from '../../../envs';
import { defineEnvironment } from '../../../envs/schema';
import type { LedgerRow } from '../../../ops/ledger/schema';
import { FakeS3 } from '../support/fake-s3';

const where: LedgerBucket = { bucket: 'goldenpath-state-111111111111', region: 'eu-west-2', prefix: 'goldenpath/dev/ledger/' };
const row = (buildId: string, startUtc = '2026-01-23T10:00:00.000Z', resourcesDeleted = 0): LedgerRow => ({
  startUtc,
  endUtc: new Date(Date.parse(startUtc) + 60_000).toISOString(),
  phase: 'teardown',
  env: 'dev',
  buildId,
  durationS: 60,
  exitCode: 0,
  resourcesDeleted,
  resourcesLeft: 0,
  runUrl: 'https://github.com/o/r/actions/runs/1',
});

let fake: FakeS3;
afterEach(() => fake?.restore());

describe('ledgerBucketOf', () => {
  it('puts the ledger beside the env state in its state bucket', () => {
    const dev = loadEnvironment('dev');
    const env = defineEnvironment({ ...dev, stateBackend: { bucket: 'goldenpath-state-111111111111', region: 'eu-central-1', keyPrefix: 'goldenpath' } });
    expect(ledgerBucketOf(env)).toEqual({ bucket: 'goldenpath-state-111111111111', region: 'eu-central-1', prefix: 'goldenpath/dev/ledger/' });
  });

  it('has no bucket for an env on the local backend', () => {
    expect(ledgerBucketOf(defineEnvironment({ ...loadEnvironment('dev'), stateBackend: undefined }))).toBeUndefined();
  });
});

describe('putLedgerRow', () => {
  it("writes one object per row, keyed by start time (so key order is time order), phase, build and the row's digest", async () => {
    fake = new FakeS3();
    const put = await putLedgerRow(fake.client(), where, row('12'));
    expect(put).toEqual({ key: `goldenpath/dev/ledger/20260123T100000.000Z_teardown_12_${ledgerRowDigest(row('12'))}.csv`, existed: false });
    expect(fake.bucket(where.bucket).get(put.key)).toMatch(/^start_utc,end_utc,.*\n2026-01-23T10:00:00.000Z,.*,12,60.000,0,0,0,https:/);
  });

  it('writes a row once: writing the same row again finds it (If-None-Match) and adds no copy', async () => {
    fake = new FakeS3();
    const client = fake.client();
    const first = await putLedgerRow(client, where, row('12'));
    const again = await putLedgerRow(client, where, row('12'));
    expect([first.existed, again.existed, again.key]).toEqual([false, true, first.key]);
    expect(fake.bucket(where.bucket).size).toBe(1);
    expect(fake.calls.filter((c) => c === 'S3.PutObject')).toHaveLength(2);
  });

  it('keeps rows that differ in any field apart, even with the same start, phase and build', async () => {
    fake = new FakeS3();
    const client = fake.client();
    await putLedgerRow(client, where, row('12', undefined, 1));
    await putLedgerRow(client, where, row('12', undefined, 2));
    expect((await readLedgerBucket(client, where)).rows.map((r) => r.resourcesDeleted).sort()).toEqual([1, 2]);
  });

  it('refuses an invalid row before any call', async () => {
    fake = new FakeS3();
    await expect(putLedgerRow(fake.client(), where, { ...row('12'), durationS: -1 })).rejects.toThrow(/duration_s/);
    expect(fake.calls).toEqual([]);
  });
});

describe('readLedgerBucket', () => {
  it('reads every page of rows in start order', async () => {
    fake = new FakeS3({ pageSize: 3 });
    const client = fake.client();
    for (let i = 9; i >= 0; i--) await putLedgerRow(client, where, row(`b${i}`, `2026-01-2${i}T10:00:00.000Z`));
    const ledger = await readLedgerBucket(client, where);
    expect(ledger.rows.map((r) => r.buildId)).toEqual(['b0', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8', 'b9']);
    expect(ledger.objects).toBe(10);
  });

  it('lists only from --since on', async () => {
    fake = new FakeS3();
    const client = fake.client();
    for (let i = 0; i < 5; i++) await putLedgerRow(client, where, row(`b${i}`, `2026-01-2${i}T10:00:00.000Z`));
    const ledger = await readLedgerBucket(client, where, new Date('2026-01-23T10:00:00.000Z'));
    expect(ledger.rows.map((r) => r.buildId)).toEqual(['b3', 'b4']);
    expect(ledger.objects).toBe(2);
  });

  it('skips and counts foreign and damaged objects under the prefix, naming them', async () => {
    fake = new FakeS3();
    const client = fake.client();
    await putLedgerRow(client, where, row('12'));
    const b = fake.bucket(where.bucket);
    b.set(`${where.prefix}notes.txt`, 'hello');
    b.set(`${where.prefix}torn.csv`, 'start_utc,end_utc,phase,env,build_id,duration_s,exit_code,resources_deleted,resources_left,run_url\n2026-01-23T10:00');
    b.set(`${where.prefix}two.csv`, b.get([...b.keys()][0]!)!.repeat(2));
    const ledger = await readLedgerBucket(client, where);
    expect(ledger.rows).toHaveLength(1);
    expect(ledger.skipped.map((s) => s.where).sort()).toEqual([`${where.prefix}notes.txt`, `${where.prefix}torn.csv`, `${where.prefix}two.csv`]);
  });

  it(`keeps every row of 8 concurrent writers x 200 rows once, the rows they all write too, while a reader reads along`, async () => {
    fake = new FakeS3({ latencyMs: (call) => (call === 'S3.PutObject' ? Math.floor(Math.random() * 2) : 0) });
    const WRITERS = 8;
    const ROWS = 200;
    const SHARED = 100_000;
    const writer = async (w: number): Promise<void> => {
      const client = fake.client();
      for (let i = 0; i < ROWS; i++) {
        await putLedgerRow(client, where, row('12', '2026-01-23T10:00:00.000Z', w * 1000 + i));
        // The same row from every writer (a retry, a push of a cache): one object.
        await putLedgerRow(client, where, row('12', '2026-01-23T10:00:00.000Z', SHARED + i));
      }
    };
    const reads: number[] = [];
    let writing = true;
    const reader = async (): Promise<void> => {
      const client = fake.client();
      while (writing && reads.length < 8) {
        const ledger = await readLedgerBucket(client, where);
        expect(ledger.skipped).toEqual([]);
        reads.push(ledger.rows.length);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const readerDone = reader();
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    writing = false;
    await readerDone;

    const ledger = await readLedgerBucket(fake.client(), where);
    expect(ledger.skipped).toEqual([]);
    const counts = ledger.rows.map((r) => r.resourcesDeleted);
    expect(counts).toHaveLength(WRITERS * ROWS + ROWS);
    const seen = new Set(counts);
    for (let i = 0; i < ROWS; i++) {
      expect(seen.has(SHARED + i)).toBe(true);
      for (let w = 0; w < WRITERS; w++) expect(seen.has(w * 1000 + i)).toBe(true);
    }
    expect(reads.length).toBeGreaterThan(1);
    expect(reads).toEqual([...reads].sort((a, b) => a - b));
  });

  it('names the key a row goes to from its start, phase and build (env for env-wide rows) and its digest', () => {
    const orphans: LedgerRow = { ...row(''), phase: 'orphans' };
    expect(ledgerObjectKey(where, orphans)).toBe(`goldenpath/dev/ledger/20260123T100000.000Z_orphans_env_${ledgerRowDigest(orphans)}.csv`);
    expect(ledgerRowDigest(orphans)).toMatch(/^[0-9a-f]{16}$/);
    expect(ledgerRowDigest({ ...orphans, exitCode: 1 })).not.toBe(ledgerRowDigest(orphans));
  });
});
