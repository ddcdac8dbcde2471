// The window's messages in English: the source language and the fallback, so the window's
// main chunk carries it (the other languages are chunks of their own, renderer/src/i18n.ts).
// In the window's build the catalog arrives parsed (compile-catalog.ts), hence Messages.
import type { WindowMessageId } from './catalog.js';
import english from './messages/window/en.json';
import type { Messages } from './translate.js';

export const WINDOW_ENGLISH: Messages<WindowMessageId> = english;
