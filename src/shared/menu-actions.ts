/**
 * What the desktop app's menu asks the page to do: the same actions as the
 * page's own keys, and going to a lesson. The menu shows the keys; the page
 * acts, so that a key and its menu item always do the same thing.
 */
import { z } from 'zod/mini';

export const MENU_KEYS = [
  'previous',
  'next',
  'run',
  'nextStep',
  'cancel',
  'togglePresent',
  'showKeys',
  'fontLarger',
  'fontSmaller',
] as const;

export const menuActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('key'), key: z.enum(MENU_KEYS) }),
  /** A lesson's id, or `compare` for the memory comparison. */
  z.strictObject({ type: z.literal('lesson'), id: z.string() }),
]);
export type MenuAction = z.infer<typeof menuActionSchema>;
