import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { KNOWN_CODES, mutationProblem, problemAt } from './domain-error';
import { messages } from './domain-errors.messages';

const refused = (code: string, field?: string, message = 'Thông điệp / Message') => ({
  graphQLErrors: [new GraphQLError(message, { extensions: { code, ...(field ? { field } : {}) } })],
  networkError: null,
});

describe('mutationProblem', () => {
  it('puts each rule the API enforces into words, at the field the API named', () => {
    expect(mutationProblem(refused('MEMBER_EXEMPT', 'memberId'))).toEqual({ key: 'domainError.MEMBER_EXEMPT', code: 'MEMBER_EXEMPT', field: 'memberId' });
    expect(mutationProblem(refused('HOUSEHOLD_ALREADY_ASSIGNED', 'householdId'))).toMatchObject({ code: 'HOUSEHOLD_ALREADY_ASSIGNED', field: 'householdId' });
    expect(mutationProblem(refused('VISIT_IN_FUTURE', 'visitedOn'))).toMatchObject({ key: 'domainError.VISIT_IN_FUTURE', field: 'visitedOn' });
  });

  it('has a Vietnamese and an English sentence for every code it knows', () => {
    for (const code of [...KNOWN_CODES, 'OFFLINE', 'FAILED'] as const) {
      expect(messages.vi.domainError[code]).toBeTruthy();
      expect(messages.en.domainError[code]).toBeTruthy();
    }
  });

  it('keeps the server’s explanation of invalid input and drops the input wrapper from the field', () => {
    const problem = mutationProblem(refused('BAD_USER_INPUT', 'input.feedback.0.content', 'Dữ liệu không hợp lệ / Invalid input: content too short'));
    expect(problem).toEqual({
      key: 'domainError.BAD_USER_INPUT',
      code: 'BAD_USER_INPUT',
      field: 'feedback.0.content',
      detail: 'Dữ liệu không hợp lệ / Invalid input: content too short',
    });
    expect(problemAt(problem, 'feedback')).toBe(true);
    expect(problemAt(problem, 'feedback.0.content')).toBe(true);
    expect(problemAt(problem, 'feedbackId')).toBe(false);
  });

  it('says the server is unreachable when no answer came back', () => {
    expect(mutationProblem({ graphQLErrors: [], networkError: new TypeError('Failed to fetch') })).toEqual({ key: 'domainError.OFFLINE', code: 'OFFLINE', field: null });
    expect(mutationProblem(new TypeError('Failed to fetch')).code).toBe('OFFLINE');
  });

  it('reads the errors of an answer sent with an HTTP error status', () => {
    const networkError = Object.assign(new Error('Response not successful'), {
      statusCode: 429,
      result: { errors: [{ message: 'Quá nhiều / Too many', extensions: { code: 'RATE_LIMITED' } }] },
    });
    expect(mutationProblem({ graphQLErrors: [], networkError }).code).toBe('RATE_LIMITED');
    expect(mutationProblem({ graphQLErrors: [], networkError: Object.assign(new Error('x'), { statusCode: 502 }) })).toEqual({
      key: 'domainError.FAILED',
      code: 'FAILED',
      field: null,
      detail: 'HTTP 502',
    });
  });

  it('shows the API’s own message for a code it does not know', () => {
    expect(mutationProblem(refused('SOMETHING_NEW', undefined, 'Mới / New'))).toEqual({ key: 'domainError.FAILED', code: 'FAILED', field: null, detail: 'Mới / New' });
  });
});
