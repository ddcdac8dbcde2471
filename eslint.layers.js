// The layers, lowest first, as eslint rules: a folder of main/ may import only from folders of a
// lower layer (never up, never sideways: two capabilities never import each other; what both need
// moves down). The renderer and its preloads import only main/boundary. docs/ARCHITECTURE.md
// draws the same table; test/architecture/layers.test.ts proves that the rules bite.

/** main/<folder> (or main/<file>.ts) → its layer. */
export const LAYERS = {
  // What main and the window share: the IPC contract, the session model and its reading, times,
  // the call-action rules, the ring page's channel. The Logger interface sits beside it.
  boundary: 0,
  log: 0,
  // The Evo Voice API: client, parsers, the API interface of every route; the keychain.
  evo: 1,
  credentials: 1,
  // The engine (decide, ledger, poller, watcher, the poll interval and latency rules), and the
  // simulator that speaks the API for tests and the demo.
  watch: 2,
  simulator: 2,
  // The agent's settings: schema, migrations, validation.
  settings: 3,
  // The capabilities: each its pure rules and adapter-free logic; none imports another.
  ringing: 4,
  'call-actions': 4,
  away: 4,
  'agent-state': 4,
  updates: 4,
  'screen-pop': 4,
  policy: 4,
  // The app without Electron (state, tray model, alerts, account, the wiring of capabilities),
  // and beside it the `watch` command on the engine.
  app: 5,
  cli: 5,
  // The Electron adapters, then the composition root.
  electron: 6,
  index: 7,
};

const FOLDERS = Object.keys(LAYERS);

/**
 * Matches an import of main/<name>: from a file inside a folder of main/ (`../name/…`, or
 * `../../main/name/…`), or from a file at main/'s top (`./name/…`).
 */
const importOf = (names, atTop) =>
  `^(?:${atTop ? '\\./' : '(?:\\.\\./)+(?:main/)?'})(?:${names.join('|')})(?:/|\\.js$|$)`;

function forbiddenFor(folder) {
  const level = LAYERS[folder];
  return FOLDERS.filter((other) => other !== folder && LAYERS[other] >= level);
}

const electronAllowed = new Set(['electron', 'index']);

export const layerRules = [
  ...FOLDERS.map((folder) => {
    const files =
      folder === 'index' || folder === 'log' ? [`main/${folder}.ts`] : [`main/${folder}/**/*.ts`];
    const forbidden = forbiddenFor(folder);
    const patterns = [
      {
        regex: '^(?:\\.\\./)+renderer(?:/|$)',
        message: 'main never imports from renderer/: what both sides use lives in main/boundary.',
      },
    ];
    if (forbidden.length > 0) {
      patterns.push({
        regex: importOf(forbidden, folder === 'index' || folder === 'log'),
        message: `main/${folder} is layer ${LAYERS[folder]}: it imports only from lower layers (eslint.layers.js).`,
      });
    }
    return {
      files,
      rules: {
        'no-restricted-imports': [
          'error',
          { paths: electronAllowed.has(folder) ? [] : ['electron'], patterns },
        ],
      },
    };
  }),
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?:\\.\\./)+main/(?!boundary/)',
              message: 'The renderer imports only main/boundary from main.',
            },
          ],
        },
      ],
    },
  },
  {
    // The window's own code: no Electron, no Node (its preloads are the only bridge).
    files: ['renderer/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [
            { group: ['node:*'], message: 'The window runs in a sandboxed page: no Node.' },
            {
              regex: '^(?:\\.\\./)+main/(?!boundary/)',
              message: 'The renderer imports only main/boundary from main.',
            },
          ],
        },
      ],
    },
  },
  {
    // The bench measures the product; it does not reach into the tests.
    files: ['bench/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '^(?:\\.\\./)+test(?:/|$)', message: 'bench/ never imports test/.' }],
        },
      ],
    },
  },
];
