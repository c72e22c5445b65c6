import { afterEach, expect, test, vi } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ACCESS_TOKEN_SECONDS, TokenService } from './tokens.js';

afterEach(() => vi.useRealTimers());

const service = () => TokenService.create({} as EntityManager, 'a'.repeat(40));

test('a verified token answers from memory until it expires; a forged or foreign one never does', async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  const tokens = await service();
  const { token } = await tokens.sign(7, '6f1c1a52-6a43-4a57-9d0f-3c3b7b0c2a11');
  const claims = await tokens.verify(token);
  expect(claims).toMatchObject({ accountId: 7, sessionId: '6f1c1a52-6a43-4a57-9d0f-3c3b7b0c2a11' });
  expect(await tokens.verify(token)).toBe(claims);
  const [header, payload, signature] = token.split('.');
  expect(await tokens.verify(`${header}.${payload}.${signature.slice(0, -2)}AA`)).toBeNull();
  const other = await TokenService.create({} as EntityManager, 'b'.repeat(40));
  expect(await other.verify(token)).toBeNull();
  vi.setSystemTime(Date.now() + ACCESS_TOKEN_SECONDS * 1000 + 1000);
  expect(await tokens.verify(token)).toBeNull();
  expect(await tokens.verify(token)).toBeNull();
});
