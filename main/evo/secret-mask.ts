// Masking secrets out of the server's words. A server that echoes a password or a token back
// rarely echoes it as typed: it quotes the URL it was sent (percent- or form-encoded), an HTML
// error page escapes it, a JSON message inside a message escapes it again, and an
// `Authorization: Basic …` header quoted back carries it in base64. So each secret is searched
// for in every form a server plausibly writes it in. Pure: given the secrets, a masker; the
// encoded forms are computed once, when the masker is made, not at every message.

export interface Secrets {
  /** The password of the sign-in; masked in all its encodings (with `Basic user:password`). */
  password?: string;
  /** The user name it goes with, for the `Basic` header form; itself not masked. */
  username?: string;
  /** Tokens (the telephony token of GET /app/config, a bearer token): masked like the password. */
  tokens?: readonly string[];
  /** Session cookie values: masked as sent (they are already URL-safe text). */
  cookies?: readonly string[];
}

export type Masker = (text: string) => string;

export const MASK = '•••';

/**
 * Secrets shorter than this are not masked. Masking finds the text anywhere in a message, and
 * one to three characters ("Evo", "a") cannot be told from ordinary words: masking them would
 * mangle every message ("•••Voice") while hiding little, since so short a password is guessed
 * faster than read from a log.
 */
export const MIN_MASKED_CHARS = 4;

/**
 * A base64 run cut out of a longer encoding is masked only from this length: shorter runs of
 * letters occur in ordinary words, and what a short run could give away is a few bytes.
 */
const MIN_BASE64_RUN_CHARS = 8;

export function createMasker(secrets: Secrets): Masker {
  const needles = new Set<string>();
  const password = secrets.password ?? '';
  if (password.length >= MIN_MASKED_CHARS) {
    for (const form of typedForms(password)) encodedForms(form).forEach((n) => needles.add(n));
    const user = secrets.username;
    if (user !== undefined) {
      for (const form of typedForms(password)) {
        base64Forms(Buffer.from(`${user}:${form}`, 'utf8')).forEach((n) => needles.add(n));
      }
    }
  }
  for (const token of secrets.tokens ?? []) {
    if (token.length < MIN_MASKED_CHARS) continue;
    encodedForms(token).forEach((n) => needles.add(n));
  }
  for (const cookie of secrets.cookies ?? []) {
    if (cookie.length >= MIN_MASKED_CHARS) needles.add(cookie);
  }
  // Longest first: a shorter form inside a longer one must not cut it in two before it is found.
  const ordered = [...needles]
    .filter((n) => n.length >= MIN_MASKED_CHARS)
    .sort((a, b) => b.length - a.length);
  if (ordered.length === 0) return (text) => text;
  return (text) => ordered.reduce((out, needle) => out.split(needle).join(MASK), text);
}

/**
 * The secret as typed, and as a server or a log may have folded it (runs of whitespace to one
 * space, control characters dropped, trimmed).
 */
function typedForms(secret: string): string[] {
  const folded = secret
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return [...new Set([secret, folded, secret.trim()])].filter((f) => f.length >= MIN_MASKED_CHARS);
}

function encodedForms(secret: string): string[] {
  return [
    secret,
    ...percentForms(secret),
    ...htmlForms(secret),
    ...jsonForms(secret),
    ...base64Forms(Buffer.from(secret, 'utf8')),
  ];
}

/** encodeURIComponent, form encoding (`+` for a space), encodeURI; upper- and lower-case hex. */
function percentForms(secret: string): string[] {
  const component = encodeURIComponent(secret);
  const form = new URLSearchParams({ s: secret }).toString().slice(2);
  const forms = [component, component.replace(/%20/g, '+'), form, encodeURI(secret)];
  return forms.flatMap((f) => [f, f.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())]);
}

const HTML_NAMED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** The five characters HTML escapes, in each spelling of the quotes; also all non-ASCII. */
function htmlForms(secret: string): string[] {
  const quotes: [string, string][] = [
    ['&quot;', '&#39;'],
    ['&quot;', '&#x27;'],
    ['&quot;', '&apos;'],
    ['&#34;', '&#39;'],
    ['&#x22;', '&#x27;'],
  ];
  return quotes.flatMap(([double, single]) => {
    const escaped = [...secret]
      .map((c) => (c === '"' ? double : c === "'" ? single : (HTML_NAMED[c] ?? c)))
      .join('');
    const numeric = [...escaped].map((c) => nonAscii(c, (code) => `&#${code};`)).join('');
    const hex = [...escaped].map((c) => nonAscii(c, (code) => `&#x${code.toString(16)};`)).join('');
    return [escaped, numeric, hex];
  });
}

/** A character past ASCII written as `spell` makes it; any other as it is. */
function nonAscii(c: string, spell: (code: number) => string): string {
  const code = c.codePointAt(0) ?? 0;
  return code > 0x7e ? spell(code) : c;
}

/** Inside a JSON string: as JSON.stringify writes it, and with every non-ASCII as `\uXXXX`. */
function jsonForms(secret: string): string[] {
  const plain = JSON.stringify(secret).slice(1, -1);
  const ascii = plain.replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const forms = [
    plain,
    ascii,
    ascii.replace(/\\u[0-9a-f]{4}/g, (u) => `\\u${u.slice(2).toUpperCase()}`),
  ];
  return forms.flatMap((f) => [f, f.replace(/\//g, '\\/')]);
}

/**
 * Standard and URL-safe base64, padded and not; and the runs of it that stay the same whatever
 * bytes come before or after (the secret inside a longer encoded text, such as `user:password`
 * for a user name the client does not know): base64 turns each 3 bytes into 4 characters, so
 * for each of the 3 offsets the secret may start at, the whole groups of its own bytes.
 */
function base64Forms(bytes: Buffer): string[] {
  const forms: string[] = [];
  for (let offset = 0; offset < 3; offset += 1) {
    const shifted = Buffer.concat([Buffer.alloc(offset), bytes]);
    const standard = shifted.toString('base64');
    if (offset === 0) forms.push(standard, standard.replace(/=+$/, ''));
    const start = offset === 0 ? 0 : 4;
    const end = Math.floor(shifted.length / 3) * 4;
    const run = standard.slice(start, end);
    if (run.length >= MIN_BASE64_RUN_CHARS) forms.push(run);
  }
  return forms.flatMap((f) => [f, f.replace(/\+/g, '-').replace(/\//g, '_')]);
}
