import { createHash } from 'node:crypto';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { ledgerKeyPrefix } from '../../contract/naming';
import type { Environment } from '../../envs/schema';
import { awsErrorCode } from '../aws/errors';
import { csvLine } from './csv';
import { assertLedgerRow } from './ledger-file';
import { LEDGER_COLUMNS, ledgerFields, type LedgerRow } from './schema';
import { parseLedgerText, type ParsedLedger, type SkippedRecord } from './summary';

/** Where an env's shared ledger lives: its state bucket, under `{prefix}/{env}/ledger/`. */
export interface LedgerBucket {
  readonly bucket: string;
  readonly region: string;
  readonly prefix: string;
}

/** The env's shared ledger, or undefined for an env on the local backend (it has no bucket). */
export function ledgerBucketOf(env: Environment): LedgerBucket | undefined {
  const backend = env.stateBackend;
  return backend === undefined ? undefined : { bucket: backend.bucket, region: backend.region, prefix: ledgerKeyPrefix(backend.keyPrefix, env.name) };
}

/** `20260123T120000.000Z`: fixed width, so key order is start-time order and `--since` is a StartAfter. */
function compactUtc(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '');
}

/**
 * The row's own digest: the same row always goes to the same key, so writing
 * it again (a retry, `ledger push` of the local cache) finds it there instead
 * of adding a copy, and two different rows never share a key.
 */
export function ledgerRowDigest(row: LedgerRow): string {
  return createHash('sha256').update(csvLine(ledgerFields(row))).digest('hex').slice(0, 16);
}

export function ledgerObjectKey(where: LedgerBucket, row: LedgerRow): string {
  return `${where.prefix}${compactUtc(new Date(row.startUtc))}_${row.phase}_${row.buildId || 'env'}_${ledgerRowDigest(row)}.csv`;
}

export interface LedgerPut {
  readonly key: string;
  /** The row was in the bucket already (written before, by this machine or another). */
  readonly existed: boolean;
}

const CONFLICT_ATTEMPTS = 5;

/**
 * Writes one row as its own object, created only if no object has that key
 * (`If-None-Match: *`): a row, once written, is never rewritten, and since
 * the key is the row's content, finding the key taken means the row is there.
 */
export async function putLedgerRow(s3: S3Client, where: LedgerBucket, row: LedgerRow): Promise<LedgerPut> {
  assertLedgerRow(row);
  const key = ledgerObjectKey(where, row);
  const body = csvLine(LEDGER_COLUMNS) + csvLine(ledgerFields(row));
  for (let attempt = 1; ; attempt++) {
    try {
      await s3.send(new PutObjectCommand({ Bucket: where.bucket, Key: key, Body: body, ContentType: 'text/csv', IfNoneMatch: '*' }));
      return { key, existed: false };
    } catch (err) {
      const code = awsErrorCode(err);
      if (code === 'PreconditionFailed') return { key, existed: true };
      // Another writer is putting this very row right now (409): ask again once it has finished.
      if (code !== 'ConditionalRequestConflict' || attempt >= CONFLICT_ATTEMPTS) throw err;
    }
  }
}

export interface BucketLedger extends ParsedLedger {
  readonly objects: number;
}

const READ_CONCURRENCY = 16;

/** Every row object of the env (from `since` on, by key), each parsed alone: a foreign or damaged object is skipped and counted. */
export async function readLedgerBucket(s3: S3Client, where: LedgerBucket, since?: Date): Promise<BucketLedger> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({
        Bucket: where.bucket,
        Prefix: where.prefix,
        ContinuationToken: token,
        StartAfter: token === undefined && since !== undefined ? `${where.prefix}${compactUtc(since)}` : undefined,
      }),
    );
    for (const o of page.Contents ?? []) if (o.Key !== undefined) keys.push(o.Key);
    token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
  } while (token !== undefined);

  const rows: LedgerRow[] = [];
  const skipped: SkippedRecord[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < keys.length) {
      const key = keys[next++]!;
      const object = await s3.send(new GetObjectCommand({ Bucket: where.bucket, Key: key }));
      const text = (await object.Body?.transformToString('utf8')) ?? '';
      const parsed = parseLedgerText(text, key);
      if (parsed.rows.length === 1 && parsed.skipped.length === 0 && parsed.headerSeen) rows.push(parsed.rows[0]!);
      else skipped.push({ where: key, problem: parsed.skipped[0]?.problem ?? (parsed.rows.length === 0 ? 'not a ledger row object (no row)' : `not one ledger row (${parsed.rows.length} rows${parsed.headerSeen ? '' : ', no header'})`) });
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, keys.length) }, worker));
  rows.sort((a, b) => Date.parse(a.startUtc) - Date.parse(b.startUtc));
  return { rows, skipped, headerSeen: true, objects: keys.length };
}
