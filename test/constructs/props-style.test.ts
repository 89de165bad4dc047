import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

const CONSTRUCTS = resolve(__dirname, '..', '..', 'constructs');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

interface Member {
  readonly where: string;
  readonly readonly: boolean;
  readonly optional: boolean;
  readonly doc: string | undefined;
  readonly type: string;
}

/** Every member of every exported `…Props` interface under constructs/. */
function propsMembers(): Member[] {
  return sourceFiles(CONSTRUCTS).flatMap((file) => {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    return source.statements.filter((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text.endsWith('Props')).flatMap((iface) =>
      iface.members.filter(ts.isPropertySignature).map((member) => {
        const docs = ts.getJSDocCommentsAndTags(member).map((d) => d.getText(source));
        return {
          where: `${relative(resolve(CONSTRUCTS, '..'), file)} ${iface.name.text}.${member.name.getText(source)}`,
          readonly: member.modifiers?.some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword) === true,
          optional: member.questionToken !== undefined,
          doc: docs.length === 0 ? undefined : docs.join('\n'),
          type: member.type?.getText(source) ?? '',
        };
      }),
    );
  });
}

const members = propsMembers();

describe('construct props (the aws-eks style: readonly, documented, @default where optional)', () => {
  it('finds the props of the constructs', () => {
    expect(members.length).toBeGreaterThan(50);
  });

  it('are all readonly', () => {
    expect(members.filter((m) => !m.readonly).map((m) => m.where)).toEqual([]);
  });

  it('are all documented', () => {
    expect(members.filter((m) => m.doc === undefined).map((m) => m.where)).toEqual([]);
  });

  it('say their default when optional', () => {
    expect(members.filter((m) => m.optional && !/@default\b/.test(m.doc ?? '')).map((m) => m.where)).toEqual([]);
  });

  it('never take a Selection: the stack passes the names the plan derived', () => {
    expect(members.filter((m) => /\bSelection\b/.test(m.type)).map((m) => m.where)).toEqual([]);
  });
});
