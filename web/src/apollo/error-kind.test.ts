import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { errorDetail, errorKind } from './error-kind';

describe('errorKind', () => {
  it('treats an unknown or malformed committee id as not found', () => {
    const notFound = new GraphQLError('Không tìm thấy / Not found', { extensions: { code: 'NOT_FOUND' } });
    const badId = new GraphQLError('Dữ liệu không hợp lệ / Invalid input', { extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
    expect(errorKind({ graphQLErrors: [notFound], networkError: null })).toBe('notFound');
    expect(errorKind({ graphQLErrors: [badId], networkError: null })).toBe('notFound');
  });

  it('says the role may not see this rather than that loading failed', () => {
    const forbidden = new GraphQLError('Không có quyền / Not allowed', { extensions: { code: 'FORBIDDEN' } });
    expect(errorKind({ graphQLErrors: [forbidden], networkError: null })).toBe('forbidden');
  });

  it('tells the user the server is unreachable when fetch itself failed', () => {
    expect(errorKind({ graphQLErrors: [], networkError: new TypeError('Failed to fetch') })).toBe('offline');
  });

  it('reports a server that answered with an error status as a failure, not as offline', () => {
    const serverError = Object.assign(new Error('Response not successful'), { statusCode: 500, response: {}, result: {} });
    expect(errorKind({ graphQLErrors: [], networkError: serverError })).toBe('failed');
    const internal = new GraphQLError('Lỗi hệ thống / Internal error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(errorKind({ graphQLErrors: [internal], networkError: null })).toBe('failed');
  });
});

describe('errorDetail', () => {
  it('shows the API message, which is already Vietnamese and English', () => {
    const internal = new GraphQLError('Lỗi hệ thống / Internal error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(errorDetail({ graphQLErrors: [internal], networkError: null })).toBe('Lỗi hệ thống / Internal error');
  });

  it('shows only the status of a failed HTTP response, not the client library wording', () => {
    const serverError = Object.assign(new Error('Response not successful: Received status code 502'), { statusCode: 502, response: {}, result: {} });
    expect(errorDetail({ graphQLErrors: [], networkError: serverError })).toBe('HTTP 502');
  });
});
