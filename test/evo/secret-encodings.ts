// Test support: a secret in each encoding a server plausibly echoes it in.

/** Every encoding the masker promises, of `secret` (with `user` for the Basic header). */
export function encodings(secret: string, user: string): Record<string, string> {
  const b64 = Buffer.from(secret, 'utf8').toString('base64');
  const basic = Buffer.from(`${user}:${secret}`, 'utf8').toString('base64');
  const html = secret
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
  return {
    typed: secret,
    uriComponent: encodeURIComponent(secret),
    uriComponentLowerHex: encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (h) =>
      h.toLowerCase(),
    ),
    form: new URLSearchParams({ p: secret }).toString().slice(2),
    html,
    htmlApos: html.replace(/&#39;/g, '&apos;'),
    json: JSON.stringify(secret).slice(1, -1),
    jsonAscii: JSON.stringify(secret)
      .slice(1, -1)
      .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    base64: b64,
    base64Url: b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
    basic: `Basic ${basic}`,
    basicUrlSafe: `Basic ${basic.replace(/\+/g, '-').replace(/\//g, '_')}`,
  };
}
