import { ApolloError } from '@apollo/client/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../i18n/create-app-i18n';
import { AuthApiError, authProblem, isUnauthenticated, type AuthProblem } from './auth-errors';

const i18n = createAppI18n();
const say = (problem: AuthProblem, locale: 'vi' | 'en' = 'vi') => {
  i18n.global.locale.value = locale;
  return i18n.global.t(problem.key, problem.values ?? {});
};
const apiError = (code: string, extensions: Record<string, unknown> = {}, message = 'Thông điệp / Message') =>
  new AuthApiError([{ message, extensions: { code, ...extensions } }]);

describe('authProblem: what the login form says', () => {
  it('says the username or password is wrong, and marks the password field', () => {
    const problem = authProblem(apiError('INVALID_CREDENTIALS', { field: 'password' }));
    expect(say(problem)).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(say(problem, 'en')).toBe('The username or password is incorrect.');
    expect(problem.field).toBe('password');
  });

  it('gives the wait of a rate limit in whole minutes, rounded up', () => {
    expect(say(authProblem(apiError('RATE_LIMITED', { retryAfterSeconds: 61 })))).toBe('Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 2 phút.');
    expect(say(authProblem(apiError('RATE_LIMITED', { retryAfterSeconds: 900 })))).toMatch(/sau 15 phút\.$/);
    expect(say(authProblem(apiError('RATE_LIMITED', { retryAfterSeconds: 5 })), 'en')).toBe('Too many failed attempts. Please try again in 1 min.');
    expect(say(authProblem(apiError('RATE_LIMITED')))).toMatch(/sau 1 phút\.$/);
  });

  it('reads the wait from Retry-After when a proxy answers 429 itself', () => {
    expect(say(authProblem(new AuthApiError([], 429, 300)))).toMatch(/sau 5 phút\.$/);
  });

  it('says a disabled account is locked', () => {
    expect(say(authProblem(apiError('ACCOUNT_DISABLED')))).toBe('Tài khoản này đã bị khóa. Hãy liên hệ quản trị viên của đơn vị.');
  });

  it('tells an unreachable server apart from a failing one', () => {
    expect(say(authProblem(new TypeError('Failed to fetch')))).toBe('Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
    const apolloOffline = new ApolloError({ networkError: new TypeError('Failed to fetch') });
    expect(authProblem(apolloOffline).key).toBe('auth.errors.offline');

    const badGateway = authProblem(new AuthApiError([], 502));
    expect(say(badGateway)).toBe('Không thực hiện được. Vui lòng thử lại.');
    expect(badGateway.detail).toBe('HTTP 502');
  });

  it('keeps the API message of an error it has no words for', () => {
    const problem = authProblem(apiError('INTERNAL_SERVER_ERROR', {}, 'Lỗi hệ thống / Internal error'));
    expect(problem.key).toBe('auth.errors.failed');
    expect(problem.detail).toBe('Lỗi hệ thống / Internal error');
  });
});

describe('authProblem: what the password form says', () => {
  it('blames the current password, not the username, when it is wrong', () => {
    const error = new ApolloError({ graphQLErrors: [new GraphQLError('Sai', { extensions: { code: 'INVALID_CREDENTIALS', field: 'currentPassword' } })] });
    const problem = authProblem(error);
    expect(say(problem)).toBe('Mật khẩu hiện tại không đúng.');
    expect(problem.field).toBe('currentPassword');
  });

  it('shows why a new password was refused', () => {
    const weak = new ApolloError({ graphQLErrors: [new GraphQLError('Mật khẩu quá ngắn / Too short', { extensions: { code: 'WEAK_PASSWORD' } })] });
    const problem = authProblem(weak);
    expect(problem).toEqual({ key: 'auth.errors.invalidNewPassword', detail: 'Mật khẩu quá ngắn / Too short', field: 'newPassword' });
    expect(say(problem)).toBe('Mật khẩu mới chưa đạt yêu cầu.');
  });
});

describe('isUnauthenticated', () => {
  it('recognises the API code and a bare HTTP 401', () => {
    expect(isUnauthenticated(apiError('UNAUTHENTICATED'))).toBe(true);
    expect(isUnauthenticated(new AuthApiError([], 401))).toBe(true);
    expect(isUnauthenticated({ errors: [{ message: 'x', extensions: { code: 'UNAUTHENTICATED' } }] })).toBe(true);
    expect(isUnauthenticated(apiError('NOT_FOUND'))).toBe(false);
    expect(isUnauthenticated(new TypeError('Failed to fetch'))).toBe(false);
  });
});
