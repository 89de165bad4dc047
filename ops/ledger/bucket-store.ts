import { randomBytes } from 'node:crypto';
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

export function ledgerObjectKey(where: LedgerBucket, row: LedgerRow, nonce: string): string {
  return `${where.prefix}${compactUtc(new Date(row.startUtc))}_${row.phase}_${row.buildId || 'env'}_${nonce}.csv`;
}

export const randomNonce = (): string => randomBytes(6).toString('hex');

/** Another writer took the key first (412), or is writing it right now (409). */
function isTaken(err: unknown): boolean {
  const code = awsErrorCode(err);
  return code === 'PreconditionFailed' || code === 'ConditionalRequestConflict';
}

const PUT_ATTEMPTS = 5;

/**
 * Writes one row as its own object, created only if no object has that key
 * (`If-None-Match: *`): concurrent writers never overwrite each other and a
 * row, once written, is never rewritten. A taken key gets a fresh nonce.
 */
export async function putLedgerRow(s3: S3Client, where: LedgerBucket, row: LedgerRow, nonce: () => string = randomNonce): Promise<string> {
  assertLedgerRow(row);
  const body = csvLine(LEDGER_COLUMNS) + csvLine(ledgerFields(row));
  for (let attempt = 1; ; attempt++) {
    const key = ledgerObjectKey(where, row, nonce());
    try {
      await s3.send(new PutObjectCommand({ Bucket: where.bucket, Key: key, Body: body, ContentType: 'text/csv', IfNoneMatch: '*' }));
      return key;
    } catch (err) {
      if (!isTaken(err) || attempt >= PUT_ATTEMPTS) throw err;
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
