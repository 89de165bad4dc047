import { Client } from 'pg';

/** The database every PostgreSQL (and RDS) instance has; the admin session lives there. */
export const MAINTENANCE_DATABASE = 'postgres';

export const APPLICATION_NAME = 'goldenpath-db-provision';

export interface Login {
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

/** Opens a connected client for a login on the one server provisioning talks to. */
export type Connector = (login: Login) => Promise<Client>;

export interface TlsServer {
  readonly host: string;
  readonly port: number;
  /** PEM bundle of the CAs the server certificate must chain to (the RDS CA bundle in AWS). */
  readonly caCertificate: string;
}

/** An unreachable endpoint (security group, wrong VPC) fails fast instead of hanging. */
const CONNECT_TIMEOUT_MS = 15000;

/**
 * TLS is required and verified (verify-full): the certificate must chain to
 * the given CA bundle and name the host connected to. There is no plaintext
 * fallback and no way to switch verification off.
 */
export function tlsConnector(server: TlsServer): Connector {
  return async (login) => {
    const client = new Client({
      host: server.host,
      port: server.port,
      user: login.user,
      password: login.password,
      database: login.database,
      ssl: { rejectUnauthorized: true, ca: server.caCertificate },
      application_name: APPLICATION_NAME,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    try {
      await client.connect();
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    return client;
  };
}
