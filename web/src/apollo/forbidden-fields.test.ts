import { ApolloLink, execute, Observable } from '@apollo/client/core';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createForbiddenFields } from './forbidden-fields';

function answer(extensions?: Record<string, unknown>) {
  return new ApolloLink(
    () =>
      new Observable((observer) => {
        observer.next({ data: { members: { nodes: [{ id: '1', fullName: null }] } }, extensions });
        observer.complete();
      }),
  );
}

function run(link: ApolloLink) {
  return new Promise<void>((resolve, reject) => {
    execute(link, { query: parse('{ members { nodes { id fullName } } }') }).subscribe({ error: reject, complete: resolve });
  });
}

describe('createForbiddenFields', () => {
  it('learns from the response which fields the viewer’s role may not see, and forgets them at sign-out', async () => {
    const fields = createForbiddenFields();
    await run(ApolloLink.from([fields.link, answer({ forbiddenFields: [{ code: 'FORBIDDEN_FIELD', field: 'Member.fullName', count: 12 }] })]));
    expect(fields.isHidden('Member.fullName')).toBe(true);
    expect(fields.isHidden('Member.phone')).toBe(false);

    fields.clear();
    expect(fields.isHidden('Member.fullName')).toBe(false);
  });

  it('ignores responses without the extension', async () => {
    const fields = createForbiddenFields();
    await run(ApolloLink.from([fields.link, answer()]));
    await run(ApolloLink.from([fields.link, answer({ forbiddenFields: 'not a list' })]));
    expect(fields.isHidden('Member.fullName')).toBe(false);
  });
});
