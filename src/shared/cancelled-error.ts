/** A run was cancelled before it finished: raised in the parent, and in a worker that stops a read. */
export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor(message = 'The run was cancelled before it finished.') {
    super(message);
  }
}
