import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';

let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

/** Starts `npm run sim` (as tsx runs it) and waits for the sign-in line. */
async function startCli(args: string[]): Promise<{ stdout: string; stderr: () => string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'main/simulator/cli.ts', ...args], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let stdout = '';
  let stderr = '';
  proc.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    proc.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('Ctrl+C')) resolve();
    });
    proc.once('close', (code) => reject(new Error(`the CLI exited (${code}): ${stderr}`)));
  });
  return { stdout, stderr: () => stderr };
}

describe('npm run sim', () => {
  it('prints a URL, the demo credentials and a curl example that works', async () => {
    const { stdout, stderr } = await startCli([]);
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
    const [, username, password] = /Demo sign-in: (\S+) \/ (\S+)/.exec(stdout) ?? [];
    expect(url).toBeDefined();
    expect(username).toBe('agent@demo.evovoice.io');
    expect(stdout).toContain(`curl -s -b evo-sim.cookies ${url}/sessions/my`);

    // What the printed curl lines do, with fetch.
    const signIn = await fetch(`${url}/auth/credentials`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        provider: 'credentials',
        userName: username,
        password,
        rememberMe: true,
      }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const sessions = await fetch(`${url}/sessions/my`, { headers: { Cookie: cookie } });
    expect(sessions.status).toBe(200);
    expect(await sessions.json()).toEqual({ sessions: expect.any(Array) });

    child?.kill('SIGTERM');
    const [code] = (await once(child as ChildProcess, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(stderr()).toContain('Simulator stopped.');
  });

  it('--pascal answers PascalCase and a bad --port is explained', async () => {
    const { stdout } = await startCli(['--pascal', '--quiet']);
    const url = /listening on (\S+)/.exec(stdout)?.[1];
    const response = await fetch(`${url}/sessions/my`);
    expect(await response.json()).toMatchObject({ ResponseStatus: { ErrorCode: 'Unauthorized' } });
    child?.kill('SIGINT');
    expect(((await once(child as ChildProcess, 'exit')) as [number | null])[0]).toBe(0);

    await expect(startCli(['--port', 'seventy'])).rejects.toThrow(/--port must be a whole number/);
  });
});
