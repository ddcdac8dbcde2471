// The state files' operations (call ledger, away ledger, missed list): atomic replacement,
// synced appends, reads where a missing file is an answer. Modes 0600: the files name calls
// and callers' ids. None of them ever follows a link or opens a FIFO, a device or a folder
// planted at a state file's path: a link would have us write wherever it points, and a FIFO
// would hang the open for good. Such a path is refused with a StateFileRefused error.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { errorCode } from '../boundary/errors.js';

// Zero where the platform lacks them (Windows): there the lstat checks are the guard.
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const NON_BLOCKING = constants.O_NONBLOCK ?? 0;

/** A state file's path holds something other than a regular file (a link, a FIFO, a folder). */
export class StateFileRefused extends Error {
  readonly code = 'ENOTREGULAR';
  constructor(readonly path: string) {
    super(`${path} is not a regular file (a link, a FIFO or a folder?): refused`);
    this.name = 'StateFileRefused';
  }
}

export const isStateFileRefused = (e: unknown): e is StateFileRefused =>
  e instanceof StateFileRefused;

/** True when nothing is at `path`, or a regular file is (a link to one is not). */
export async function isRegularOrAbsent(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isFile();
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return true;
    throw e;
  }
}

async function refuseUnlessRegular(path: string): Promise<void> {
  if (!(await isRegularOrAbsent(path))) throw new StateFileRefused(path);
}

/**
 * Writes a temp file, fsyncs it and renames it over `name`: a reader sees old or new, whole.
 * The temp file is created exclusively (never an existing one, never through a link), and
 * rename replaces the path itself, never what a link there points to.
 */
export async function writeAtomically(dir: string, name: string, text: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await refuseUnlessRegular(join(dir, name));
  const temp = join(dir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW;
    const handle = await open(temp, flags, 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, join(dir, name));
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  await syncDirectory(dir);
}

/** Appends and fsyncs. A crash mid-append leaves at most a torn last line, which readers skip. */
export async function appendSynced(dir: string, name: string, text: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, name);
  await refuseUnlessRegular(path);
  // O_NOFOLLOW and the fstat close the race between the lstat and the open.
  const flags =
    constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | NO_FOLLOW | NON_BLOCKING;
  const handle = await openRegular(path, flags, 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes `name` (a link there is removed itself, never what it points to). */
export async function removeFile(dir: string, name: string): Promise<void> {
  await refuseUnlessRegular(join(dir, name));
  await rm(join(dir, name), { force: true });
  await syncDirectory(dir);
}

/**
 * The file's text, or null when there is no such file; other errors are thrown, a path that
 * is not a regular file as StateFileRefused. Opened non-blocking: a FIFO swapped in after the
 * lstat cannot hang the read.
 */
export async function readIfPresent(path: string): Promise<string | null> {
  try {
    await refuseUnlessRegular(path);
    const handle = await openRegular(path, constants.O_RDONLY | NO_FOLLOW | NON_BLOCKING);
    try {
      return await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return null;
    throw e;
  }
}

/** Opens `path` and makes sure it is a regular file; a link met by O_NOFOLLOW is refused too. */
async function openRegular(path: string, flags: number, mode?: number): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(path, flags, mode);
  } catch (e) {
    // ELOOP: a link, with O_NOFOLLOW; ENXIO: a FIFO without a reader, opened to write.
    if (errorCode(e) === 'ELOOP' || errorCode(e) === 'ENXIO') throw new StateFileRefused(path);
    throw e;
  }
  if (!(await handle.stat()).isFile()) {
    await handle.close();
    throw new StateFileRefused(path);
  }
  return handle;
}

/** Makes a rename durable where the platform allows opening a directory. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot fsync a directory; the file itself is already synced.
  }
}
