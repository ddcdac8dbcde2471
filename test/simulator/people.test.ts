import { describe, expect, it } from 'vitest';
import {
  displayNumber,
  generateCall,
  phoneNumber,
  seededRandom,
} from '../../main/simulator/people.js';
import { randomStory, storySteps } from '../../main/simulator/call-center.js';
import { AGENT } from './sign-in.js';

const AT = '2025-03-04T09:00:00.000Z';
const agent = AGENT;

describe('seededRandom', () => {
  it('the same seed repeats the same sequence; another seed does not', () => {
    const take = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 20 }, () => random());
    };
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
  });

  it('draws numbers in [0, 1) spread over the range', () => {
    const random = seededRandom(7);
    const draws = Array.from({ length: 10_000 }, () => random());
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    const low = draws.filter((x) => x < 0.5).length;
    expect(low).toBeGreaterThan(4500);
    expect(low).toBeLessThan(5500);
  });
});

describe('generated calls', () => {
  const call = (seed: number) =>
    generateCall(
      { random: seededRandom(seed), at: AT, agent, baseUrl: 'http://127.0.0.1:1' },
      'id-1',
    );

  it('repeat for a seed and vary across seeds', () => {
    expect(call(1)).toEqual(call(1));
    const callers = new Set(Array.from({ length: 30 }, (_, seed) => call(seed).fromName));
    expect(callers.size).toBeGreaterThan(10);
  });

  it('look like Evo Voice sessions', () => {
    for (let seed = 0; seed < 50; seed++) {
      const c = call(seed);
      expect(c.callSid).toMatch(/^CA[0-9a-f]{32}$/);
      expect(c.conferenceSid).toMatch(/^CF[0-9a-f]{32}$/);
      expect(c.fromAddress).toMatch(/^\+1\d{3}55501\d{2}$/);
      expect(c.toAddress).toMatch(/^\+1\d{10}$/);
      expect(['Voice', 'Chat']).toContain(c.channel);
      expect(c.direction).toBe('Incoming');
      expect(c.dateCreated).toBe(AT);
      expect(c.customerBreadcrumb?.length).toBeGreaterThan(0);
      expect(c.members?.map((m) => m.role)).toEqual(['Caller', 'Agent']);
      expect(c.members?.[1]?.avatarUrl).toBe(`http://127.0.0.1:1/avatars/${agent.id}.svg`);
    }
  });

  it('customers carry a breadcrumb such as Acme Health › West Region › Portland Clinic', () => {
    const paths = new Set(
      Array.from({ length: 50 }, (_, seed) =>
        (call(seed).customerBreadcrumb ?? []).map((crumb) => crumb.name).join(' › '),
      ),
    );
    expect(paths).toContain('Acme Health › West Region › Portland Clinic');
  });

  it('phone numbers read as (503) 555-0142 in log lines', () => {
    expect(displayNumber('+15035550142')).toBe('(503) 555-0142');
    expect(displayNumber('sip:alice')).toBe('sip:alice');
    expect(displayNumber(phoneNumber(seededRandom(3)))).toMatch(/^\(\d{3}\) 555-01\d{2}$/);
  });
});

describe('call stories', () => {
  it('every random story starts with an arrival and finishes the call or hands it away', () => {
    const random = seededRandom(11);
    for (let i = 0; i < 200; i++) {
      const steps = storySteps(randomStory(random), 'c', 'agent@demo.evovoice.io');
      expect(steps[0]?.do).toBe('arrive');
      expect(['remove', 'answer-elsewhere']).toContain(steps.at(-1)?.do);
      const times = steps.map((s) => s.atMs);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });
});
