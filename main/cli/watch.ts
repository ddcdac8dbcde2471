// `npm run watch`: the engine without Electron. Events as JSON lines on stdout, a log on stderr.
import { createTranslator } from '../boundary/i18n/index.js';
import { createAwayCheck } from '../away/away-check.js';
import { openKeychain } from '../credentials/keychain.js';
import { createEvoClient } from '../evo/client.js';
import type { Logger } from '../log.js';
import { DEFAULT_RINGING_INTERVAL_MS } from '../watch/poll-interval.js';
import { systemClock } from '../watch/clock.js';
import { sentence } from '../boundary/sentence.js';
import { createWatcher } from '../watch/watcher.js';
import { parseWatchArgs, USAGE, type WatchArgs } from './args.js';
import { startDemo, type Demo } from './demo.js';
import { createLineWriter, createStderrLogger, type LineWriter } from './output.js';
import { findPassword, promptHidden } from './password.js';
import { signInPatiently } from './sign-in.js';
import { errorCode } from '../boundary/errors.js';

const EXIT = { stopped: 0, badArguments: 2, rejected: 3 } as const;
/** How long a clean stop may take after SIGINT or SIGTERM before the process just exits. */
const FORCED_STOP_MS = 2000;

async function run(argv: string[]): Promise<number> {
  const parsed = parseWatchArgs(argv);
  if (parsed.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.stopped;
  }
  if (parsed.kind === 'invalid') {
    process.stderr.write(`watch: ${parsed.message}\n\n${USAGE}\n`);
    return EXIT.badArguments;
  }
  const { args } = parsed;
  const log = createStderrLogger(process.stderr);
  const stopping = new AbortController();
  const stop = (why: string) => {
    if (stopping.signal.aborted) return;
    log.info(`${why}: stopping.`);
    stopping.abort();
    // Whatever it waits on (a file that never opens, a stuck sign-in), a stop asked for ends
    // the process soon: every event told is already in the ledger, so nothing is lost by it.
    setTimeout(() => {
      log.warn(`Still stopping after ${FORCED_STOP_MS} ms: exiting now.`);
      process.exit(EXIT.stopped);
    }, FORCED_STOP_MS).unref();
  };
  // `on`, not `once`: a Ctrl-C under npm or tsx can arrive twice, and must not kill the stop.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop(signal));
  // The reader went away (`watch … | head -1`): nobody is left to tell, so stop as for SIGTERM.
  const out = createLineWriter(
    process.stdout,
    (e) => stop(`The output was closed (${errorCode(e) ?? e.message})`),
    args.language === undefined ? undefined : createTranslator(args.language),
  );

  let demo: Demo | undefined;
  let account: Account;
  if (args.account) {
    const { server, username } = args.account;
    const password = await findPassword(server, username, {
      env: process.env,
      openKeychain,
      prompt: process.stdin.isTTY ? (question) => promptHidden(question) : null,
      log,
    });
    if (password === null) {
      process.stderr.write(
        `watch: no password for ${username}. Set EVO_PASSWORD, save it in the app, or run in a terminal to be asked.\n`,
      );
      return EXIT.badArguments;
    }
    account = { server, username, password };
  } else {
    demo = await startDemo(log);
    account = demo;
  }

  try {
    return await watch(account, args, { log, out, stopping: stopping.signal });
  } finally {
    await demo?.stop();
  }
}

interface Account {
  server: string;
  username: string;
  password: string;
}

interface Output {
  log: Logger;
  out: LineWriter;
  /** Aborted by SIGINT, SIGTERM or a closed stdout. */
  stopping: AbortSignal;
}

async function watch(account: Account, args: WatchArgs, output: Output): Promise<number> {
  const { log, out, stopping } = output;
  const api = createEvoClient({ timeoutMs: args.requestTimeoutMs, logger: log });
  log.info(`Signing in to ${account.server} as ${account.username}…`);
  const signedIn = await signInPatiently({
    api,
    ...account,
    clock: systemClock,
    random: Math.random,
    intervalMs: args.timing.pollIntervalMs,
    log,
    signal: stopping,
  });
  if (signedIn.kind === 'stopped') return EXIT.stopped;
  if (signedIn.kind === 'bad-server') {
    process.stderr.write(`watch: ${sentence(signedIn.message)}\n`);
    return EXIT.badArguments;
  }
  if (signedIn.kind === 'rejected') {
    process.stderr.write(`watch: ${sentence(signedIn.message)}\n`);
    return EXIT.rejected;
  }
  log.info(
    `Signed in as ${signedIn.profile.name}. Watching (every ${args.timing.pollIntervalMs} ms; ` +
      `${args.timing.ringingIntervalMs ?? DEFAULT_RINGING_INTERVAL_MS} ms while a call rings).`,
  );

  let signedOut = false;
  let finish = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  if (stopping.aborted) finish();
  stopping.addEventListener('abort', () => finish(), { once: true });
  const watcher = createWatcher({
    api,
    server: account.server,
    username: account.username,
    password: async () => account.password,
    timing: args.timing,
    stateDir: args.stateDir,
    log,
    // Missed calls while watch was not running: `missed` lines with "whileAway": true.
    followers: [createAwayCheck({ api, stateDir: args.stateDir, log })],
    onEvent(event) {
      out.write(event);
      if (event.event === 'connection' && event.status === 'signed-out') {
        // The watcher has stopped polling: nothing more will come.
        signedOut = true;
        finish();
      }
    },
  });
  await watcher.start();
  await finished;
  await watcher.stop();
  await out.flush();
  log.info('Stopped.');
  return signedOut ? EXIT.rejected : EXIT.stopped;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`watch: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
