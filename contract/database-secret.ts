import { z } from 'zod';

/**
 * The per-app database secret (`goldenpath/{env}/{app}/postgres`): the one
 * schema the database stack writes and every reader (the `db provision`
 * command, external-secrets consumers) validates.
 */
export const DATABASE_ENGINE = 'postgres';
export const DATABASE_PORT = 5432;

/** Login of the RDS master user; its password lives only in the RDS-managed secret. */
export const DATABASE_MASTER_USERNAME = 'goldenpath_admin';

/**
 * How Secrets Manager generates app passwords: no punctuation, so a password
 * never needs escaping in a connection URI, a shell or a YAML value.
 */
export const APP_PASSWORD_POLICY = {
  length: 40,
  excludePunctuation: true,
} as const;

export const AppDatabaseSecretSchema = z
  .object({
    username: z.string().min(1),
    password: z.string().min(1),
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535),
    dbname: z.string().min(1),
    engine: z.literal(DATABASE_ENGINE),
  })
  .strict();
export type AppDatabaseSecret = z.infer<typeof AppDatabaseSecretSchema>;

/** The keys of the secret JSON, exactly. */
export const APP_DATABASE_SECRET_KEYS = Object.keys(AppDatabaseSecretSchema.shape) as readonly (keyof AppDatabaseSecret)[];

/** An app's login role and database are both named after the app. */
export function appDatabaseSecretFields(app: string, host: string, port: number): Omit<AppDatabaseSecret, 'password'> {
  return { username: app, host, port, dbname: app, engine: DATABASE_ENGINE };
}

export class AppDatabaseSecretError extends Error {
  constructor(
    readonly secretName: string,
    detail: string,
  ) {
    super(
      `database secret ${secretName} is not a goldenpath app secret (${detail}): it must be JSON with exactly ${APP_DATABASE_SECRET_KEYS.join(', ')}. Redeploy the database stack or fix the secret value.`,
    );
    this.name = 'AppDatabaseSecretError';
  }
}

/** Parses a secret string; the error names the secret, what is wrong and the expected shape. */
export function parseAppDatabaseSecret(secretName: string, secretString: string): AppDatabaseSecret {
  let json: unknown;
  try {
    json = JSON.parse(secretString);
  } catch {
    throw new AppDatabaseSecretError(secretName, 'not valid JSON');
  }
  const parsed = AppDatabaseSecretSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppDatabaseSecretError(
      secretName,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
    );
  }
  return parsed.data;
}
