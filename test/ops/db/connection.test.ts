import { Client } from 'pg';
import { tlsConnector } from '../../../ops/db/connection';
import { describeWithPostgres, startTlsPostgres, type TlsPostgres } from './support/tls-postgres';

describeWithPostgres('tlsConnector', () => {
  let pg: TlsPostgres;

  beforeAll(async () => {
    pg = await startTlsPostgres();
  });

  afterAll(async () => {
    await pg?.stop();
  });

  const login = () => ({ user: pg.superuser.user, password: pg.superuser.password, database: 'postgres' });

  it('connects over TLS when the certificate chains to the CA and names the host', async () => {
    const client = await tlsConnector({ host: pg.host, port: pg.port, caCertificate: pg.caCertificate })(login());
    const r = await client.query<{ ssl: boolean }>('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
    await client.end();
    expect(r.rows[0]?.ssl).toBe(true);
  });

  it('refuses a server whose certificate does not chain to the given CA', async () => {
    await expect(tlsConnector({ host: pg.host, port: pg.port, caCertificate: pg.otherCaCertificate })(login())).rejects.toThrow(/self-signed certificate|unable to verify|unable to get/);
  });

  it('refuses a server whose certificate names another host', async () => {
    await expect(tlsConnector({ host: 'localhost', port: pg.port, caCertificate: pg.caCertificate })(login())).rejects.toMatchObject({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
  });

  it('talks to a test server that refuses connections without TLS', async () => {
    const plain = new Client({ host: pg.host, port: pg.port, ...login(), ssl: false });
    await expect(plain.connect()).rejects.toThrow(/no pg_hba.conf entry .* no encryption/);
    await plain.end().catch(() => undefined);
  });
});
