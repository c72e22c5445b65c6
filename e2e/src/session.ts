import type { Page } from 'playwright-core';

/** The password of every demo account (server/src/demo). */
export const DEMO_PASSWORD = 'gan-bo-demo';

/** Fills and sends the login form of the page that is open (Vietnamese labels). */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}

interface GraphQLAnswer<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A GraphQL call from the test itself, e.g. to find an id for a deep link. */
export async function callApi<T>(baseUrl: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLAnswer<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLAnswer<T>;
}

export async function apiAccessToken(baseUrl: string, username: string): Promise<string> {
  const answer = await callApi<{ login: { accessToken: string } }>(
    baseUrl,
    'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }',
    { input: { username, password: DEMO_PASSWORD } },
  );
  if (!answer.data) throw new Error(`login as ${username} failed: ${JSON.stringify(answer.errors)}`);
  return answer.data.login.accessToken;
}

/** The id of a committee found by name, walking down the tree the account can see. */
export async function committeeId(baseUrl: string, token: string, name: string): Promise<string> {
  type Node = { id: string; name: string };
  const queue: (string | null)[] = [null];
  while (queue.length) {
    const parentId = queue.shift()!;
    const answer = await callApi<{ committees: Node[] }>(baseUrl, 'query ($parentId: ID) { committees(parentId: $parentId) { id name } }', { parentId }, token);
    for (const committee of answer.data?.committees ?? []) {
      if (committee.name === name) return committee.id;
      queue.push(committee.id);
    }
  }
  throw new Error(`no committee named ${name}`);
}
