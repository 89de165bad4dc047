import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { lineProgress } from '../../ops/progress';

describe('line progress (CI, pipes, --json)', () => {
  it('announces each stage, passes notes through as lines and closes a stage with its elapsed time', async () => {
    const lines: string[] = [];
    let t = 0;
    const progress = lineProgress((text) => lines.push(text), () => (t += 1500));
    const value = await progress.stage('drain', async () => {
      progress.note('drain: deleted 3 LoadBalancer services');
      return 7;
    });
    expect(value).toBe(7);
    expect(lines.join('')).toBe('drain: starting\ndrain: deleted 3 LoadBalancer services\ndrain: done in 1.5 s\n');
  });

  it('lets a failing stage fail without claiming it is done', async () => {
    const lines: string[] = [];
    await expect(lineProgress((text) => lines.push(text), () => 0).stage('drain', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(lines).toEqual(['drain: starting\n']);
  });
});

describe('terminal progress (listr2)', () => {
  it('draws the stage with its latest count and elapsed time, marks it done, and passes failures on', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'progress-terminal.fixture.ts')], { encoding: 'utf8', env: { ...process.env, CI: '', FORCE_COLOR: '0', NO_COLOR: '1' } });
    expect(run.status).toBe(0);
    const { value, failed, screen } = JSON.parse(run.stdout) as { value: number; failed: string; screen: string };
    expect(value).toBe(42);
    expect(failed).toBe('cluster API unreachable');
    expect(screen).toMatch(/delete 3 resource\(s\) of build 12 \(1\.\d s\)/);
    expect(screen).toMatch(/\[12\] 3\/3 deleted ec2-volume vol-3/);
    expect(screen).toMatch(/✔ delete 3 resource\(s\) of build 12 \[1\.\d+s\]|✔ delete 3 resource\(s\) of build 12/);
    expect(screen).toMatch(/✖ drain/);
  });
});
