import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../i18n/create-app-i18n';
import { createDraftStore } from './explorer-draft';
import { saveProblem } from './save-problem';
import { parseVariables, shareableCommittees, variablesText } from './use-saved-queries';

const province = { id: '1', name: 'Tỉnh Nghệ An', kind: 'PROVINCE' as const };
const district = { id: '2', name: 'Huyện Tương Dương', kind: 'DISTRICT' as const };

describe('shareableCommittees', () => {
  it('offers the committees of the viewer’s role bindings, once each', () => {
    const roles = [
      { role: 'ANALYST' as const, committee: province, cell: null },
      { role: 'COMMITTEE_STAFF' as const, committee: province, cell: null },
      { role: 'COMMITTEE_STAFF' as const, committee: district, cell: null },
      { role: 'MEMBER' as const, committee: null, cell: null },
    ];
    expect(shareableCommittees({ roles })).toEqual([
      { id: '1', name: 'Tỉnh Nghệ An' },
      { id: '2', name: 'Huyện Tương Dương' },
    ]);
    expect(shareableCommittees(null)).toEqual([]);
  });
});

describe('variables', () => {
  it('reads the variables pane as a JSON object, empty as none', () => {
    expect(parseVariables('')).toEqual({ ok: true, value: null });
    expect(parseVariables(' { "from": "2025-11-01" } ')).toEqual({ ok: true, value: { from: '2025-11-01' } });
    expect(parseVariables('[1]')).toEqual({ ok: false });
    expect(parseVariables('{ from: 1 }')).toEqual({ ok: false });
  });

  it('writes saved variables back, pretty, or nothing when there are none', () => {
    expect(variablesText({ from: '2025-11-01' })).toBe('{\n  "from": "2025-11-01"\n}');
    expect(variablesText(null)).toBe('');
    expect(variablesText({})).toBe('');
  });
});

describe('saveProblem', () => {
  const vi = createAppI18n('vi').global;
  const apollo = (code: string, extensions: Record<string, unknown> = {}) => ({ graphQLErrors: [{ message: `${code} message`, extensions: { code, ...extensions } }], networkError: null });

  it('explains a document the server would not save, with its reason', () => {
    const problem = saveProblem(apollo('BAD_USER_INPUT', { field: 'document' }));
    expect(vi.t(`explorer.${problem.key}`)).toBe('Truy vấn không hợp lệ.');
    expect(problem.detail).toBe('BAD_USER_INPUT message');
  });

  it('tells a saved-queries-only analyst that saving is not for their role', () => {
    expect(vi.t(`explorer.${saveProblem(apollo('FORBIDDEN')).key}`)).toBe('Vai trò của bạn không được lưu truy vấn.');
  });

  it('reads the refusal in the body of an HTTP error', () => {
    const error = { graphQLErrors: [], networkError: Object.assign(new Error('429'), { statusCode: 429, result: { errors: [{ message: 'x', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 5 } }] } }) };
    expect(vi.t(`explorer.${saveProblem(error).key}`, saveProblem(error).values ?? {})).toBe('Bạn đã dùng hết điểm truy vấn của phút này. Thử lại sau 5 giây.');
  });

  it('is "offline" when no answer came', () => {
    expect(saveProblem({ graphQLErrors: [], networkError: new TypeError('Failed to fetch') }).key).toBe('errors.offline');
  });
});

describe('createDraftStore', () => {
  it('keeps each account’s draft apart', () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    createDraftStore(storage, '7').write({ query: '{ a }', variables: '', savedQueryId: '3' });
    expect(createDraftStore(storage, '7').read()).toEqual({ query: '{ a }', variables: '', savedQueryId: '3' });
    expect(createDraftStore(storage, '8').read()).toBeNull();
  });

  it('ignores what it cannot read', () => {
    const storage = { getItem: () => '{not json', setItem: () => undefined };
    expect(createDraftStore(storage, '7').read()).toBeNull();
    expect(createDraftStore(null, '7').read()).toBeNull();
  });
});
