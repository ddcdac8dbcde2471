// What an offline machine sees from Electron's download or electron-builder, said in one
// paragraph instead of their stack traces (getaddrinfo ENOTFOUND github.com …). Pure: given the
// output of the failed step, the paragraph, or null when the failure was not the network's.

const NETWORK =
  /getaddrinfo (?:ENOTFOUND|EAI_AGAIN) ([\w.-]+)|\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH)\b|socket hang up/;

/**
 * @param {string} output what the failed step printed (stdout and stderr)
 * @param {{ what: string, needs: string, instead: string }} step what was being done, what it
 *   downloads from where, and what the agent can do without the network
 * @returns {string | null}
 */
export function networkFailureParagraph(output, step) {
  const found = NETWORK.exec(output);
  if (!found) return null;
  const host = found[1] ? ` (${found[1]} could not be reached)` : ` (${found[0]})`;
  return (
    `${step.what} failed because this machine could not reach the network${host}: ` +
    `${step.needs}. Check the connection or proxy (HTTPS_PROXY), then run the command again; ` +
    `${step.instead}`
  );
}

export const ELECTRON_DOWNLOAD = {
  what: "Downloading Electron's binary",
  needs: 'it comes from github.com, or from a mirror named in ELECTRON_MIRROR',
  instead:
    'without the network, `npm test` still runs (it needs no Electron binary), and ' +
    'ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install skips the download.',
};

export const PACKAGING = {
  what: 'Packaging the app (electron-builder)',
  needs:
    "electron-builder downloads Electron's binary and its packaging tools from github.com " +
    '(or ELECTRON_MIRROR / ELECTRON_BUILDER_BINARIES_MIRROR) the first time',
  instead:
    'once they are in its cache (~/.cache/electron and ~/.cache/electron-builder) it packages ' +
    'offline; `npm run build` builds the app without packaging it.',
};
