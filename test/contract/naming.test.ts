import {
  appDatabaseSecretName,
  appHostname,
  clusterName,
  disposableStackName,
  dnsOwnerId,
  envZoneName,
  foundationParameterFolder,
  foundationParameterName,
  foundationStackName,
  hostSuffix,
  irsaRoleName,
  stateKey,
} from '../../contract/naming';
import { ephemeral, persistent } from '../../contract/selection';

const dev = { name: 'dev', baseDomain: 'goldenpathidp.io' };
const build = ephemeral('dev', '26-01-23-01');

describe('hostSuffix', () => {
  it('is {env}.{baseDomain} for a persistent selection', () => {
    expect(hostSuffix(persistent('dev'), dev)).toBe('dev.goldenpathidp.io');
  });

  it('is b-{buildId}.{env}.{baseDomain} for a build', () => {
    expect(hostSuffix(build, dev)).toBe('b-26-01-23-01.dev.goldenpathidp.io');
  });

  it('sits inside the env zone for a build', () => {
    expect(hostSuffix(build, dev).endsWith(`.${envZoneName(dev)}`)).toBe(true);
  });

  it('prefixes every app hostname with the app name', () => {
    expect(appHostname('grafana', hostSuffix(build, dev))).toBe('grafana.b-26-01-23-01.dev.goldenpathidp.io');
  });
});

describe('dnsOwnerId', () => {
  it('is goldenpath-{env} for a persistent selection', () => {
    expect(dnsOwnerId(persistent('dev'))).toBe('goldenpath-dev');
  });

  it('is goldenpath-{env}-{buildId} for a build', () => {
    expect(dnsOwnerId(build)).toBe('goldenpath-dev-26-01-23-01');
  });
});

describe('stack names', () => {
  it.each([
    ['network', 'dev-network'],
    ['dns', 'dev-dns'],
    ['database', 'dev-database'],
  ] as const)('names the foundational %s stack %s', (kind, expected) => {
    expect(foundationStackName('dev', kind)).toBe(expected);
  });

  it.each([
    ['cluster', 'dev-cluster'],
    ['platform', 'dev-platform'],
  ] as const)('names the persistent %s stack %s', (kind, expected) => {
    expect(disposableStackName(persistent('dev'), kind)).toBe(expected);
  });

  it.each([
    ['cluster', 'dev-b-26-01-23-01-cluster'],
    ['platform', 'dev-b-26-01-23-01-platform'],
  ] as const)('names the build %s stack %s', (kind, expected) => {
    expect(disposableStackName(build, kind)).toBe(expected);
  });
});

describe('cluster and role names', () => {
  it('names the persistent cluster goldenpath-{env}', () => {
    expect(clusterName(persistent('dev'))).toBe('goldenpath-dev');
  });

  it('names a build cluster goldenpath-{env}-b-{buildId}', () => {
    expect(clusterName(build)).toBe('goldenpath-dev-b-26-01-23-01');
  });

  it('suffixes IRSA role names to the cluster name', () => {
    expect(irsaRoleName(build, 'external-dns')).toBe('goldenpath-dev-b-26-01-23-01-external-dns');
  });
});

describe('stateKey', () => {
  it('is {prefix}/{env}/{stack}.tfstate for a foundational stack', () => {
    expect(stateKey('goldenpath', persistent('dev'), 'dev-network')).toBe('goldenpath/dev/dev-network.tfstate');
  });

  it('is {prefix}/{env}/{stack}.tfstate for a persistent disposable stack', () => {
    expect(stateKey('goldenpath', persistent('dev'), 'dev-cluster')).toBe('goldenpath/dev/dev-cluster.tfstate');
  });

  it('puts a build stack under {prefix}/{env}/builds/{buildId}/', () => {
    expect(stateKey('goldenpath', build, 'dev-b-26-01-23-01-cluster')).toBe('goldenpath/dev/builds/26-01-23-01/dev-b-26-01-23-01-cluster.tfstate');
  });
});

describe('foundationParameterFolder', () => {
  it('is /goldenpath/{env}/foundation, the direct parent of every foundation document', () => {
    expect(foundationParameterFolder('dev')).toBe('/goldenpath/dev/foundation');
  });
});

describe('foundationParameterName', () => {
  it.each(['network', 'dns', 'database'] as const)('publishes the %s document at /goldenpath/{env}/foundation/%s', (kind) => {
    expect(foundationParameterName('dev', kind)).toBe(`/goldenpath/dev/foundation/${kind}`);
  });
});

describe('appDatabaseSecretName', () => {
  it('is goldenpath/{env}/{app}/postgres', () => {
    expect(appDatabaseSecretName('dev', 'backstage')).toBe('goldenpath/dev/backstage/postgres');
  });
});
