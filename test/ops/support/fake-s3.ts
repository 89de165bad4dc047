import * as s3 from '@aws-sdk/client-s3';
import { mockClient, type AwsStub } from 'aws-sdk-client-mock';

export interface FakeS3Options {
  /** Milliseconds each call waits before it answers (a function, so tests can interleave callers). */
  readonly latencyMs?: (call: string) => number;
  /** ListObjectsV2 returns at most this many keys a page (S3: 1000). */
  readonly pageSize?: number;
}

export function s3Error(name: string, status: number, message: string): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: status } });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * A stateful S3 for the ledger: buckets of whole objects (a PUT lands all at
 * once, as in S3), `If-None-Match: *` refused with 412 PreconditionFailed when
 * the key exists, ListObjectsV2 in key order with Prefix, StartAfter and
 * continuation tokens.
 */
export class FakeS3 {
  readonly objects = new Map<string, Map<string, string>>();
  readonly calls: string[] = [];
  /** An error a PUT of this key meets instead of landing (access denied, a conflicting write in flight), or undefined. */
  refusePut: (key: string) => Error | undefined = () => undefined;
  private readonly stubs: AwsStub<object, never, unknown>[] = [];

  constructor(private readonly options: FakeS3Options = {}) {}

  bucket(name: string): Map<string, string> {
    let b = this.objects.get(name);
    if (b === undefined) {
      b = new Map();
      this.objects.set(name, b);
    }
    return b;
  }

  private async call<T>(name: string, fn: () => T): Promise<T> {
    const ms = this.options.latencyMs?.(name) ?? 0;
    if (ms > 0) await sleep(ms);
    this.calls.push(name);
    return fn();
  }

  put(input: s3.PutObjectCommandInput): Promise<s3.PutObjectCommandOutput> {
    return this.call('S3.PutObject', () => {
      const b = this.bucket(input.Bucket ?? '');
      const key = input.Key ?? '';
      const refused = this.refusePut(key);
      if (refused !== undefined) throw refused;
      if (input.IfNoneMatch !== undefined && input.IfNoneMatch !== '*') throw s3Error('NotImplemented', 501, 'If-None-Match accepts only *');
      if (input.IfNoneMatch === '*' && b.has(key)) throw s3Error('PreconditionFailed', 412, 'At least one of the pre-conditions you specified did not hold');
      if (typeof input.Body !== 'string') throw new Error('the fake S3 stores string bodies only');
      b.set(key, input.Body);
      return { $metadata: {}, ETag: `"${b.size}"` };
    });
  }

  list(input: s3.ListObjectsV2CommandInput): Promise<s3.ListObjectsV2CommandOutput> {
    return this.call('S3.ListObjectsV2', () => {
      const prefix = input.Prefix ?? '';
      const after = input.ContinuationToken ?? input.StartAfter ?? '';
      const keys = [...this.bucket(input.Bucket ?? '').keys()].filter((k) => k.startsWith(prefix) && k > after).sort();
      const size = Math.min(input.MaxKeys ?? 1000, this.options.pageSize ?? 1000);
      const page = keys.slice(0, size);
      const truncated = keys.length > size;
      return { $metadata: {}, Contents: page.map((Key) => ({ Key })), KeyCount: page.length, IsTruncated: truncated, NextContinuationToken: truncated ? page[page.length - 1] : undefined };
    });
  }

  get(input: s3.GetObjectCommandInput): Promise<s3.GetObjectCommandOutput> {
    return this.call('S3.GetObject', () => {
      const body = this.bucket(input.Bucket ?? '').get(input.Key ?? '');
      if (body === undefined) throw s3Error('NoSuchKey', 404, 'The specified key does not exist.');
      return { $metadata: {}, Body: { transformToString: async () => body } as unknown as s3.GetObjectCommandOutput['Body'] };
    });
  }

  /** Answers every call of this client from the fake; `more` adds handlers for other commands on the same stub (the buckets a build makes). */
  serve(client: s3.S3Client, more?: (on: (command: unknown, fn: (input: never) => Promise<unknown>) => void) => void): s3.S3Client {
    const stub = mockClient(client as never) as unknown as AwsStub<object, never, unknown>;
    this.stubs.push(stub);
    const on = (command: unknown, fn: (input: never) => Promise<unknown>): void => {
      (stub as unknown as { on: (c: unknown) => { callsFake: (f: unknown) => void } }).on(command).callsFake(fn);
    };
    on(s3.PutObjectCommand, (i: s3.PutObjectCommandInput) => this.put(i));
    on(s3.ListObjectsV2Command, (i: s3.ListObjectsV2CommandInput) => this.list(i));
    on(s3.GetObjectCommand, (i: s3.GetObjectCommandInput) => this.get(i));
    more?.(on);
    return client;
  }

  /** Dispatches a command to the fake; what `serve` routes a real client's calls to. */
  send(command: unknown): Promise<unknown> {
    if (command instanceof s3.PutObjectCommand) return this.put(command.input);
    if (command instanceof s3.ListObjectsV2Command) return this.list(command.input);
    if (command instanceof s3.GetObjectCommand) return this.get(command.input);
    return Promise.reject(new Error(`the fake S3 does not model ${(command as object).constructor.name}`));
  }

  /** A lightweight client answered by the fake (no SDK stack: the concurrency tests make thousands of calls). */
  client(): s3.S3Client {
    return { send: (command: unknown) => this.send(command) } as unknown as s3.S3Client;
  }

  restore(): void {
    for (const s of this.stubs) s.restore();
  }
}
