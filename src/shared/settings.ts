/**
 * What the lab remembers between launches, in the desktop app and the
 * browser host alike: the UI's language, the font size, presenter mode and
 * whether lessons ask their question first,
 * each once it has been chosen (before that, the page decides: the system's
 * language, the base size). The main screen and a watching screen (a
 * projector) keep theirs apart, so that making the projector's type larger
 * leaves the laptop's alone.
 */
import { z } from 'zod/mini';

/** The font sizes A−/A+ step through, as multiples of the 18 px base. */
export const FONT_SCALES = [1, 1.25, 1.5, 1.75, 2] as const;

export const settingsSchema = z.strictObject({
  language: z.optional(z.enum(['en', 'es'])),
  fontScale: z.optional(z.literal(FONT_SCALES)),
  present: z.optional(z.boolean()),
  /** Whether each lesson asks its question before it runs (predict, then run); on until turned off. */
  questions: z.optional(z.boolean()),
});
export type Settings = z.infer<typeof settingsSchema>;

/** What a settings change may hold, in words, for the error that refuses one. */
export const SETTINGS_ALLOWED = [
  'language ("en" or "es")',
  `fontScale (${FONT_SCALES.slice(0, -1).join(', ')} or ${FONT_SCALES.at(-1)})`,
  'present (true or false)',
  'questions (true or false)',
].join(', ');

/** The settings file: the settings of each kind of screen. */
export const settingsFileSchema = z.strictObject({
  main: z.optional(settingsSchema),
  watch: z.optional(settingsSchema),
});
export type SettingsFile = z.infer<typeof settingsFileSchema>;
