import { isThrottling } from './errors';
import { backoffDelay, type RetryPolicy, type Sleep } from './retry';
import type { AwsClients } from './clients';

interface Sender {
  send(command: unknown, ...rest: unknown[]): Promise<unknown>;
}

/** A client whose every call is retried with backoff when AWS throttles it (discovery lists are as throttle-prone as deletes). */
function retryingThrottles<T extends object>(client: T, policy: RetryPolicy, sleep: Sleep): T {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop !== 'send') return Reflect.get(target, prop, receiver);
      const send = (target as unknown as Sender).send.bind(target);
      return async (command: unknown, ...rest: unknown[]) => {
        for (let attempt = 1; ; attempt++) {
          try {
            return await send(command, ...rest);
          } catch (err) {
            if (!isThrottling(err) || attempt >= policy.maxAttempts) throw err;
            await sleep(backoffDelay(attempt, policy, Math.random));
          }
        }
      };
    },
  });
}

/** Wraps each client when it is first used, so clients (and their SDK packages) a command never calls are never created. */
export function withThrottleRetry(clients: AwsClients, policy: RetryPolicy, sleep: Sleep): AwsClients {
  const wrapped: Record<string, unknown> = { region: clients.region };
  for (const name of Object.keys(clients)) {
    if (name === 'region') continue;
    let client: object | undefined;
    Object.defineProperty(wrapped, name, { enumerable: true, get: () => (client ??= retryingThrottles(clients[name as keyof AwsClients] as object, policy, sleep)) });
  }
  return wrapped as unknown as AwsClients;
}
