import { z } from 'zod';

/**
 * A NUL ends a string early in SQLite's C API and in many files and tools, and a lone UTF-16
 * surrogate has no UTF-8 form (the stores would silently store U+FFFD instead). Neither has a
 * place in anything a person types, so every channel refuses them before any store sees them.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSAFE_TEXT_MESSAGE = 'Contains a character that cannot be stored (a NUL or a broken Unicode character); remove it and try again';

export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

/** The one string type of the contract: every text field of every channel is built on it. */
export function text() {
  return z.string().refine(isStorableText, { message: UNSAFE_TEXT_MESSAGE, abort: true });
}

/** An email address that is also storable text. */
export function emailText(message: string) {
  return z.email(message).refine(isStorableText, { message: UNSAFE_TEXT_MESSAGE, abort: true });
}
