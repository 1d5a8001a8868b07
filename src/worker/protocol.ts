/**
 * What both workers' protocols share (`sampler-protocol.ts`, `trainer-protocol.ts`): every
 * request carries an `id`, and every event answering it the same `id`; a failure is an error
 * event with a plain message.
 */

/** A request failed; `message` says why in plain words. */
export interface WorkerError {
  kind: 'error';
  id: number;
  message: string;
}

/** A request as the caller writes it: the client assigns the id. */
export type RequestBody<R extends { id: number }> = R extends unknown ? Omit<R, 'id'> : never;
