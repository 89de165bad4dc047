import { PassThrough } from 'node:stream';
import { terminalProgress } from '../../ops/progress';

/** Draws two stages on a fake 80-column terminal and prints what reached it (run in a child: listr2 loads ESM renderers). */
async function main(): Promise<void> {
  const chunks: string[] = [];
  const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 80, rows: 24 }) as unknown as NodeJS.WriteStream;
  stream.on('data', (c: Buffer) => chunks.push(c.toString()));
  const progress = terminalProgress(stream);
  const value = await progress.stage('delete 3 resource(s) of build 12', async () => {
    for (let i = 1; i <= 3; i++) {
      progress.note(`[12] ${i}/3 deleted ec2-volume vol-${i}`);
      await new Promise((r) => setTimeout(r, 400));
    }
    return 42;
  });
  let failed = '';
  await progress.stage('drain', async () => Promise.reject(new Error('cluster API unreachable'))).catch((err: Error) => (failed = err.message));
  process.stdout.write(JSON.stringify({ value, failed, screen: chunks.join('') }));
}

void main();
