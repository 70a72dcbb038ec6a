/**
 * `window.lab` as the app uses it: every result envelope, answer and event
 * is parsed with the schemas of src/shared/api.ts before the app sees it,
 * whichever host sent it (Electron's IPC or the browser host's WebSocket). An answer
 * that does not fit is an error that says what did not fit; an event that
 * does not fit is dropped and reported on the console.
 */
import type { z } from 'zod/mini';
import {
  COMMAND_RESPONSES,
  runEventSchema,
  unwrapCommandResult,
  type LabApi,
  type LabCommand,
  type LabCommands,
  type LabError,
} from '../../shared/api';
import { menuActionSchema } from '../../shared/menu-actions';

/** What did not fit, in one line: the first issue's path and message. */
function firstIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(the whole answer)'}: ${issue.message}` : 'unknown';
}

export const lab: LabApi = {
  async invoke<K extends LabCommand>(command: K, request: LabCommands[K]['request']) {
    // The envelope first (the response, or the lab's error, thrown with its name and detail)…
    const response = unwrapCommandResult(await window.lab.invoke(command, request));
    // …then the response itself.
    const parsed = COMMAND_RESPONSES[command].safeParse(response);
    if (parsed.success) return parsed.data as LabCommands[K]['response'];
    const error: LabError = new Error(
      `The lab's answer to ${command} does not have the expected form (${firstIssue(parsed.error)}).`,
    );
    error.name = 'ProtocolError';
    throw error;
  },
  on(event, listener) {
    const schema = event === 'menu' ? menuActionSchema : runEventSchema;
    return window.lab.on(event, (payload) => {
      const parsed = schema.safeParse(payload);
      if (parsed.success) (listener as (payload: unknown) => void)(parsed.data);
      else
        console.error(
          `A ${event} message does not have the expected form: ${firstIssue(parsed.error)}`,
        );
    });
  },
};
