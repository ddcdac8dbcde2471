// The ledger's file operations: atomic replacement, synced appends, reads where a missing file
// is an answer. Modes 0600: the files name calls and callers' ids.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isRecord } from '../boundary/records.js';

/** Writes a temp file, fsyncs it and renames it over `name`: a reader sees old or new, whole. */
export async function writeAtomically(dir: string, name: string, text: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'w', 0o600);
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
  await mkdir(dir, { recursive: true });
  const handle = await open(join(dir, name), 'a', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function removeFile(dir: string, name: string): Promise<void> {
  await rm(join(dir, name), { force: true });
  await syncDirectory(dir);
}

/** The file's text, or null when there is no such file; other errors are thrown. */
export async function readIfPresent(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return null;
    throw e;
  }
}

export function errorCode(e: unknown): string | undefined {
  return isRecord(e) && typeof e['code'] === 'string' ? e['code'] : undefined;
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
