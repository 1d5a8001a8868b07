import type { WorkerError } from './protocol.ts';

/** A worker's answer to each kind of its requests: the handler of a kind gets that kind's request. */
export type Handlers<Request extends { kind: string }, Answer = void> = {
  readonly [Kind in Request['kind']]: (request: Extract<Request, { kind: Kind }>) => Answer;
};

/**
 * Hands `request` to the handler of its kind and returns what that answers. A request from outside
 * the types (another worker's, say) has no handler: `unhandled` gets the error event that says the
 * worker named `worker` does not handle its kind.
 */
export function dispatch<Request extends { kind: string; id: number }, Answer>(
  worker: string,
  handlers: Handlers<Request, Answer>,
  request: Request,
  unhandled: (error: WorkerError) => Answer,
): Answer {
  const kind: unknown = request.kind;
  // Own properties only: a kind such as `toString` names no handler, however the map was made.
  if (typeof kind === 'string' && Object.hasOwn(handlers, kind)) {
    const handler = handlers[kind as Request['kind']] as (request: Request) => Answer;
    return handler(request);
  }
  return unhandled({ kind: 'error', id: request.id, message: `the ${worker} worker does not handle ${String(kind)}` });
}
