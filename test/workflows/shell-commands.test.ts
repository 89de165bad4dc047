import { expandVars, invocationsOf, shellCommands } from './support/shell-commands';

describe('shell command extraction', () => {
  it('splits commands at operators and drops redirections', () => {
    expect(shellCommands('goldenpath builds --env "$E" --json > "$T/b.json" || status=$?').map((c) => c.words)).toEqual([['goldenpath', 'builds', '--env', '$E', '--json'], ['status=$?']]);
  });

  it('finds commands after if/then and inside $( )', () => {
    const script = 'if [ -n "$X" ]; then goldenpath ledger --env dev; fi\necho "n=$(npx cdktf output s --outputs-file f)"';
    expect(invocationsOf(script, 'goldenpath')).toEqual([['ledger', '--env', 'dev']]);
    expect(invocationsOf(script, 'cdktf')).toEqual([['output', 's', '--outputs-file', 'f']]);
  });

  it('joins continued lines and skips comments', () => {
    expect(invocationsOf('# goldenpath teardown\nnpx cdktf deploy a \\\n  --auto-approve', 'cdktf')).toEqual([['deploy', 'a', '--auto-approve']]);
    expect(invocationsOf('# goldenpath teardown', 'goldenpath')).toEqual([]);
  });

  it('expands known variables and names an unknown one', () => {
    expect(expandVars('${A}-b-$B-cluster', { A: 'dev', B: '26-01-23-01' })).toBe('dev-b-26-01-23-01-cluster');
    expect(() => expandVars('$C-network', {})).toThrow(/\$C/);
  });
});
