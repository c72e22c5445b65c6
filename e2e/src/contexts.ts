import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, phoneContext } from './browser.js';
import { callApi, signIn } from './session.js';

/** One Chromium per test file, with a phone-sized and a desktop-sized Vietnamese context on demand. */
export function useBrowsers(): { phone: () => Promise<BrowserContext>; desktop: () => Promise<BrowserContext> } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    phone: () => phoneContext(browser!),
    desktop: () => browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' }),
  };
}

/** Opens `path`, signs in on the login page it leads to, and waits for the page's first heading. */
export async function openSignedIn(page: Page, baseUrl: string, path: string, username: string, heading: string | RegExp): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByRole('heading', { level: 1, name: 'Đăng nhập', exact: true }).waitFor();
  await signIn(page, username);
  await page.getByRole('heading', { level: 1, name: heading, ...(typeof heading === 'string' ? { exact: true } : {}) }).waitFor();
}

/** The API's answer, failing the test with its errors when it has no data. */
export async function apiData<T>(baseUrl: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const answer = await callApi<T>(baseUrl, query, variables, token);
  if (!answer.data) throw new Error(`API call failed: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

/** Today on this machine's calendar, as the browser on it sees it (YYYY-MM-DD). */
export function todayHere(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Console messages a browser prints for requests refused by `context.setOffline(true)`: expected in offline tests. */
export const isOfflineNoise = (problem: string) => /ERR_INTERNET_DISCONNECTED|WebSocket|Failed to fetch|ERR_NETWORK/i.test(problem);
