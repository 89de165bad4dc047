import { loadProvisionInputs } from '../../../ops/db/provision-inputs';
import { SecretNotFoundError, type SecretSource } from '../../../ops/db/secret-source';
import type { SecretFile } from '../../../ops/db/file-secret-source';
import { FIXTURE_ENV, MASTER_SECRET_ARN, appSecretArn, secretFileContent } from './support/secret-fixture';

const SERVER = { host: 'db.internal', port: 5432 };
const MASTER = { username: 'goldenpath_admin', password: 'master-pass' };

/** An in-memory source that records every read. */
function recordingSource(content: SecretFile): SecretSource & { reads: string[] } {
  const reads: string[] = [];
  return {
    description: 'test source',
    reads,
    async parameterJson(name) {
      reads.push(name);
      if (!Object.hasOwn(content.parameters, name)) throw new SecretNotFoundError('parameter', name, 'test source');
      return content.parameters[name];
    },
    async secretJson(id) {
      reads.push(id);
      if (!Object.hasOwn(content.secrets, id)) throw new SecretNotFoundError('secret', id, 'test source');
      return content.secrets[id];
    },
  };
}

describe('loadProvisionInputs', () => {
  it('returns the server, the master login and one target per app', async () => {
    const source = recordingSource(secretFileContent(SERVER, MASTER, [{ name: 'keycloak', password: 'kc' }]));

    const inputs = await loadProvisionInputs(FIXTURE_ENV, [{ name: 'keycloak', createDb: false }], source);

    expect(inputs).toEqual({
      host: SERVER.host,
      port: SERVER.port,
      master: MASTER,
      targets: [{ app: 'keycloak', role: 'keycloak', database: 'keycloak', password: 'kc', createDb: false }],
    });
  });

  it('refuses a hostile app name before reading anything', async () => {
    const source = recordingSource(secretFileContent(SERVER, MASTER, []));

    await expect(loadProvisionInputs(FIXTURE_ENV, [{ name: `x'; DROP DATABASE postgres; --`, createDb: false }], source)).rejects.toThrow(/is refused/);
    expect(source.reads).toEqual([]);
  });

  it('names the stack to deploy when the foundation document is missing', async () => {
    const source = recordingSource({ parameters: {}, secrets: {} });

    await expect(loadProvisionInputs(FIXTURE_ENV, [], source)).rejects.toThrow('parameter "/goldenpath/dev/foundation/database" not found in test source: deploy the dev-database stack first');
  });

  it('names the stack to deploy when an app has no secret in the deployed stack', async () => {
    const source = recordingSource(secretFileContent(SERVER, MASTER, [{ name: 'keycloak', password: 'kc' }]));

    await expect(loadProvisionInputs(FIXTURE_ENV, [{ name: 'backstage', createDb: true }], source)).rejects.toThrow(
      'app "backstage" has no secret in the deployed dev-database stack (its foundation document lists: keycloak); deploy dev-database after adding the app (GOLDENPATH_ENV=dev npx cdktf deploy dev-database).',
    );
  });

  it('refuses a master secret that is not the RDS-managed username and password', async () => {
    const content = secretFileContent(SERVER, MASTER, []);
    const source = recordingSource({ ...content, secrets: { ...content.secrets, [MASTER_SECRET_ARN]: { user: 'x' } } });

    await expect(loadProvisionInputs(FIXTURE_ENV, [], source)).rejects.toThrow(/master secret .* must hold JSON with username and password/);
  });

  it('refuses an app named like the master user', async () => {
    const source = recordingSource(secretFileContent(SERVER, MASTER, [{ name: MASTER.username, password: 'x' }]));

    await expect(loadProvisionInputs(FIXTURE_ENV, [{ name: MASTER.username, createDb: false }], source)).rejects.toThrow(/master user's name/);
    expect(source.reads).not.toContain(appSecretArn(MASTER.username));
  });
});
