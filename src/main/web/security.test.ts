import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { allowedHosts, httpProblem, newToken, upgradeProblem } from './security';

const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;
const PORT = 4321;
const TOKEN = 'a'.repeat(32);
const url = (query: string) => new URL(`http://127.0.0.1:${PORT}/lab${query}`);

describe('the gate', () => {
  it('answers only its own address and port', () => {
    expect([...allowedHosts(PORT)]).toEqual([`127.0.0.1:${PORT}`, `localhost:${PORT}`]);
    expect(httpProblem(request({ host: `127.0.0.1:${PORT}` }), PORT)).toBeNull();
    expect(httpProblem(request({ host: `localhost:${PORT}` }), PORT)).toBeNull();
    expect(httpProblem(request({ host: `127.0.0.1:${PORT + 1}` }), PORT)).toBe('wrong Host header');
    expect(httpProblem(request({ host: 'attacker.example' }), PORT)).toBe('wrong Host header');
    expect(httpProblem(request({}), PORT)).toBe('wrong Host header');
  });

  it('opens the lab to the page itself, with the token', () => {
    const page = { host: `127.0.0.1:${PORT}`, origin: `http://127.0.0.1:${PORT}` };
    expect(upgradeProblem(request(page), url(`?token=${TOKEN}`), TOKEN, PORT)).toBeNull();
    expect(upgradeProblem(request(page), url(`?token=${TOKEN}x`), TOKEN, PORT)).toBe(
      'missing or wrong token',
    );
    expect(upgradeProblem(request(page), url(''), TOKEN, PORT)).toBe('missing or wrong token');
    expect(
      upgradeProblem(
        request({ ...page, origin: 'http://127.0.0.1:9999' }),
        url(`?token=${TOKEN}`),
        TOKEN,
        PORT,
      ),
    ).toBe("Origin http://127.0.0.1:9999 is not the lab's page");
    expect(upgradeProblem(request({ host: page.host }), url(`?token=${TOKEN}`), TOKEN, PORT)).toBe(
      "Origin (none) is not the lab's page",
    );
  });

  it('makes tokens of 192 random bits, different each time', () => {
    const tokens = new Set(Array.from({ length: 50 }, newToken));
    expect(tokens.size).toBe(50);
    for (const token of tokens) expect(token).toMatch(/^[\w-]{32}$/);
  });
});
