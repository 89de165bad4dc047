import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const REPO = resolve(__dirname, '..', '..', '..');
const SOURCE_FOLDERS = ['contract', 'envs', 'constructs', 'stacks', 'rules', 'ops'];
const ARN_BUILDERS = 'contract/iam/arn.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('ARNs the program writes', () => {
  const files = [...SOURCE_FOLDERS.flatMap((f) => sources(join(REPO, f))), join(REPO, 'main.ts')];

  it('are spelled only by the partition-aware builders of contract/iam/arn.ts', () => {
    // A string or template that starts an ARN: `arn:aws:…` (one partition only) or `arn:${partition}:…` (a builder of its own).
    const spelled = files
      .filter((f) => relative(REPO, f) !== ARN_BUILDERS)
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => ({ where: `${relative(REPO, f)}:${i + 1}`, line }))
          .filter(({ line }) => /[`'"]arn:(aws|\$\{)/.test(line)),
      )
      .map(({ where, line }) => `${where}: ${line.trim()}`);
    expect(spelled).toEqual([]);
  });

  it('finds the builders themselves (a check of the scan)', () => {
    expect(readFileSync(join(REPO, ARN_BUILDERS), 'utf8')).toMatch(/`arn:\$\{partition\}/);
  });
});
