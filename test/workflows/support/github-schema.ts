import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from './workflows';

const PARSER = join(__dirname, 'github-workflow-parser.mjs');

export interface SchemaResult {
  readonly file: string;
  readonly errors: readonly string[];
}

/** Validates workflow files with GitHub's workflow parser: schema, expressions and the contexts each key may use. */
export function githubSchemaErrors(files: readonly string[]): SchemaResult[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', PARSER, ...files], { cwd: REPO, encoding: 'utf8' });
  return JSON.parse(out) as SchemaResult[];
}
