// Which saved passwords the server refused. Kept outside the keychain and holding nothing
// secret: only "this account's saved password was refused at T". A refused password is never
// sent again, in this run or any later one (the platform locks accounts); the mark goes when
// the agent types a password or saves one again.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface RejectedPasswords {
  isRejected(server: string, username: string): boolean;
  markRejected(server: string, username: string, at: number): void;
  clear(server: string, username: string): void;
}

/** Where the marks live: a small JSON file in the app's data folder, or memory in tests. */
export interface MarkFile {
  read(): string | null;
  write(text: string): void;
}

type Marks = Record<string, string>;

const keyOf = (server: string, username: string) => `${username}@${server}`;

export function createRejectedPasswords(file: MarkFile = memoryMarkFile()): RejectedPasswords {
  let marks = parse(file.read());
  function save(next: Marks): void {
    marks = next;
    try {
      file.write(`${JSON.stringify({ rejected: marks }, null, 2)}\n`);
    } catch {
      // Still remembered for this run; a later start may ask the server once more.
    }
  }
  return {
    isRejected: (server, username) => Object.hasOwn(marks, keyOf(server, username)),
    markRejected(server, username, at) {
      save({ ...marks, [keyOf(server, username)]: new Date(at).toISOString() });
    },
    clear(server, username) {
      const key = keyOf(server, username);
      if (!Object.hasOwn(marks, key)) return;
      save(Object.fromEntries(Object.entries(marks).filter(([k]) => k !== key)));
    },
  };
}

/** An unreadable or hand-edited file counts as no marks: the worst case is one more try. */
function parse(text: string | null): Marks {
  if (text === null) return {};
  try {
    const value = JSON.parse(text.replace(/^\uFEFF/, '')) as { rejected?: unknown };
    const rejected = value?.rejected;
    if (typeof rejected !== 'object' || rejected === null || Array.isArray(rejected)) return {};
    return Object.fromEntries(
      Object.entries(rejected as Record<string, unknown>).filter(
        ([, at]) => typeof at === 'string',
      ),
    ) as Marks;
  } catch {
    return {};
  }
}

export function memoryMarkFile(initial: string | null = null): MarkFile & { text: string | null } {
  const file = {
    text: initial,
    read: () => file.text,
    write: (text: string) => void (file.text = text),
  };
  return file;
}

/** The file in the app's data folder: written whole, then renamed, readable by the agent only. */
export function diskMarkFile(path: string): MarkFile {
  return {
    read() {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return null;
      }
    },
    write(text) {
      mkdirSync(dirname(path), { recursive: true });
      const temporary = `${path}.tmp`;
      writeFileSync(temporary, text, { mode: 0o600 });
      renameSync(temporary, path);
    },
  };
}
