import { ApolloError } from '@apollo/client/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { refusalOf } from './api-refusal';

describe('refusalOf', () => {
  it('reads a refusal sent as a GraphQL error', () => {
    const error = new ApolloError({ graphQLErrors: [new GraphQLError('Trang quá lớn', { extensions: { code: 'PAGE_SIZE_TOO_LARGE', maximum: 200 } })] });
    expect(refusalOf(error)).toEqual({ code: 'PAGE_SIZE_TOO_LARGE', maximum: 200, retryAfterSeconds: undefined });
  });

  it('reads a refusal in the body of an HTTP 429, which Apollo reports as a network error', () => {
    const serverError = Object.assign(new Error('Response not successful: Received status code 429'), {
      name: 'ServerError',
      statusCode: 429,
      response: {} as Response,
      result: { errors: [{ message: 'Quá giới hạn', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 12 } }] },
    });
    expect(refusalOf(new ApolloError({ networkError: serverError }))).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 12 });
  });

  it('has nothing to say about other failures', () => {
    expect(refusalOf(new ApolloError({ networkError: new TypeError('Failed to fetch') }))).toBeNull();
    expect(refusalOf(new Error('x'))).toBeNull();
  });
});
