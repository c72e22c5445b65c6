import { describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { graphqlWsUrl, isSubscription } from './create-apollo-client';

describe('graphqlWsUrl', () => {
  it('uses wss behind HTTPS so browsers do not block a mixed-content socket', () => {
    expect(graphqlWsUrl({ protocol: 'https:', host: 'ganbo.example.vn' })).toBe('wss://ganbo.example.vn/graphql');
  });

  it('keeps the port of a plain HTTP origin such as the dev server', () => {
    expect(graphqlWsUrl({ protocol: 'http:', host: 'localhost:5173' })).toBe('ws://localhost:5173/graphql');
  });
});

describe('isSubscription', () => {
  it('routes only subscriptions to the WebSocket', () => {
    expect(isSubscription(parse('subscription { visitRecorded { id } }'))).toBe(true);
    expect(isSubscription(parse('query { committees { id } }'))).toBe(false);
    expect(isSubscription(parse('mutation { ping }'))).toBe(false);
  });
});
