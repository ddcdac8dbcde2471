import { describe, expect, it } from 'vitest';
import { memoryCredentialStore } from '../../main/credentials/memory.js';

describe('memoryCredentialStore', () => {
  it('is the memory kind', () => {
    expect(memoryCredentialStore().kind).toBe('memory');
  });

  it('saves, reads back, overwrites and deletes a password', async () => {
    const store = memoryCredentialStore();
    await store.set('https://evovoice.io', 'ada', 'first');
    expect(await store.get('https://evovoice.io', 'ada')).toBe('first');
    await store.set('https://evovoice.io', 'ada', 'second');
    expect(await store.get('https://evovoice.io', 'ada')).toBe('second');
    await store.delete('https://evovoice.io', 'ada');
    expect(await store.get('https://evovoice.io', 'ada')).toBeNull();
  });

  it('answers null for an agent it never saw, and deleting one is harmless', async () => {
    const store = memoryCredentialStore();
    expect(await store.get('https://evovoice.io', 'nobody')).toBeNull();
    await expect(store.delete('https://evovoice.io', 'nobody')).resolves.toBeUndefined();
  });

  it('keeps one entry per agent per server', async () => {
    const store = memoryCredentialStore();
    await store.set('https://evovoice.io', 'ada', 'production');
    await store.set('https://team.evovoice.io', 'ada', 'staging');
    await store.set('https://evovoice.io', 'bob', 'bobs');
    expect(await store.get('https://evovoice.io', 'ada')).toBe('production');
    expect(await store.get('https://team.evovoice.io', 'ada')).toBe('staging');
    expect(await store.get('https://evovoice.io', 'bob')).toBe('bobs');
  });

  it('is empty in a new store: nothing outlives the process', async () => {
    await memoryCredentialStore().set('https://evovoice.io', 'ada', 'secret');
    expect(await memoryCredentialStore().get('https://evovoice.io', 'ada')).toBeNull();
  });
});
