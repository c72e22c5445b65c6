import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../i18n/create-app-i18n';
import { costNotice, formatPoints, readCost, runOutcome, type Notice, type RunResponse } from './run-outcome';

const vi = createAppI18n('vi').global;
const en = createAppI18n('en').global;
/** What the page prints for a notice, with ordinary spaces for readable expectations. */
const say = (i18n: typeof vi, notice: Notice | null) => (notice ? i18n.t(`explorer.${notice.key}`, notice.values ?? {}).replaceAll('\u00A0', ' ') : null);

const refused = (code: string, extensions: Record<string, unknown> = {}, status = 400): RunResponse => ({
  status,
  body: { errors: [{ message: `${code} / in English`, extensions: { code, ...extensions } }] },
});

describe('formatPoints', () => {
  it('groups thousands with non-breaking spaces', () => {
    expect(formatPoints(412)).toBe('412');
    expect(formatPoints(10_000)).toBe('10\u00A0000');
    expect(formatPoints(1_234_567)).toBe('1\u00A0234\u00A0567');
    expect(formatPoints(0)).toBe('0');
  });
});

describe('the cost line', () => {
  const answer: RunResponse = {
    status: 200,
    body: { data: { visitStats: { nodes: [] } }, extensions: { cost: { requested: 412, maximum: 10_000, budget: { limit: 50_000, remaining: 9_588, resetsAt: '2026-11-23T08:01:00Z' } } } },
  };

  it('says what the query cost and what is left of the minute, in Vietnamese', () => {
    const { cost, problem } = runOutcome(answer);
    expect(problem).toBeNull();
    expect(say(vi, costNotice(cost!))).toBe('Chi phí 412 / 10 000 · còn 9 588 điểm trong phút này');
    expect(say(en, costNotice(cost!))).toBe('Cost 412 / 10 000 · 9 588 points left this minute');
  });

  it('leaves the budget out when the server has none for the role', () => {
    const cost = readCost({ cost: { requested: 12, maximum: 500, budget: null } });
    expect(say(vi, costNotice(cost!))).toBe('Chi phí 12 / 500 điểm');
  });

  it('has no cost line for an answer without extensions.cost', () => {
    expect(readCost(undefined)).toBeNull();
    expect(readCost({ cost: { requested: 'many' } })).toBeNull();
  });
});

describe('refusals, in Vietnamese with their figures', () => {
  it('QUERY_TOO_COSTLY', () => {
    const { problem } = runOutcome(refused('QUERY_TOO_COSTLY', { cost: 1_020_301, maximum: 10_000 }));
    expect(say(vi, problem)).toBe(
      'Máy chủ từ chối truy vấn vì quá tốn kém: 1 020 301 điểm, tối đa 10 000 điểm. Hãy giảm số bản ghi mỗi trang (first) hoặc bớt các trường lồng nhau.',
    );
    expect(problem?.tone).toBe('error');
  });

  it('QUERY_TOO_DEEP', () => {
    expect(say(vi, runOutcome(refused('QUERY_TOO_DEEP', { depth: 14, maximum: 10 })).problem)).toBe(
      'Máy chủ từ chối truy vấn vì lồng quá sâu: 14 cấp, tối đa 10 cấp.',
    );
  });

  it('PAGE_SIZE_TOO_LARGE, with the size asked for when the server says it', () => {
    expect(say(vi, runOutcome(refused('PAGE_SIZE_TOO_LARGE', { maximum: 500, field: 'first' })).problem)).toBe('Trang quá lớn: first tối đa 500 bản ghi.');
    expect(say(vi, runOutcome(refused('PAGE_SIZE_TOO_LARGE', { maximum: 500, field: 'first', requested: 1_000 })).problem)).toBe(
      'Trang quá lớn: first = 1 000, tối đa 500 bản ghi.',
    );
  });

  it('RATE_LIMITED, with the seconds to wait and the budget line', () => {
    const response = refused('RATE_LIMITED', { retryAfterSeconds: 41.2 }, 429);
    response.body!.extensions = { cost: { requested: 9_000, maximum: 10_000, budget: { limit: 50_000, remaining: 0, resetsAt: '2026-11-23T08:01:00Z' } } };
    const { problem, cost } = runOutcome(response);
    expect(say(vi, problem)).toBe('Bạn đã dùng hết điểm truy vấn của phút này. Thử lại sau 42 giây.');
    expect(say(vi, costNotice(cost!))).toBe('Chi phí 9 000 / 10 000 · còn 0 điểm trong phút này');
  });

  it('QUERY_TIMEOUT', () => {
    expect(say(vi, runOutcome(refused('QUERY_TIMEOUT', {}, 200)).problem)).toBe(
      'Truy vấn chạy quá thời gian cho phép. Hãy thu hẹp khoảng thời gian hoặc phạm vi đơn vị.',
    );
  });

  it('SAVED_QUERIES_ONLY switches the page to saved queries', () => {
    const outcome = runOutcome(refused('SAVED_QUERIES_ONLY', {}, 403));
    expect(outcome.savedQueriesOnly).toBe(true);
    expect(say(vi, outcome.problem)).toBe('Vai trò của bạn chỉ được chạy các truy vấn đã lưu. Chọn một truy vấn trong danh sách.');
    expect(runOutcome(refused('QUERY_TOO_DEEP', { depth: 11, maximum: 10 })).savedQueriesOnly).toBe(false);
  });

  it('a saved query that is gone', () => {
    expect(say(vi, runOutcome(refused('NOT_FOUND', { field: 'savedQueryId' }, 404)).problem)).toBe('Không tìm thấy truy vấn đã lưu này; có thể nó đã bị xóa.');
  });

  it('shows "?" rather than nothing when a figure is missing', () => {
    expect(say(vi, runOutcome(refused('QUERY_TOO_COSTLY')).problem)).toContain('? điểm, tối đa ? điểm');
  });
});

describe('other errors keep the API’s own words as detail', () => {
  it('an invalid document', () => {
    const { problem } = runOutcome(refused('GRAPHQL_VALIDATION_FAILED', {}));
    expect(say(vi, problem)).toBe('Truy vấn không hợp lệ.');
    expect(problem?.detail).toBe('GRAPHQL_VALIDATION_FAILED / in English');
  });

  it('data with errors is a partial result, a warning', () => {
    const { problem } = runOutcome({ status: 200, body: { data: { a: 1 }, errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } });
    expect(problem).toMatchObject({ key: 'errors.partial', tone: 'warning', detail: 'boom' });
  });

  it('no answer at all means offline; a body that is not GraphQL names the HTTP status', () => {
    expect(say(vi, runOutcome({ status: null, body: null }).problem)).toBe('Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
    expect(runOutcome({ status: 502, body: null }).problem).toMatchObject({ key: 'errors.failed', detail: 'HTTP 502' });
  });

  it('lists the fields the role may not read', () => {
    const outcome = runOutcome({
      status: 200,
      body: { data: { members: { nodes: [] } }, extensions: { forbiddenFields: [{ field: 'Member.fullName', count: 3 }, { field: 'Household.address' }] } },
    });
    expect(outcome.forbiddenFields).toEqual(['Member.fullName', 'Household.address']);
    expect(outcome.problem).toBeNull();
  });
});
