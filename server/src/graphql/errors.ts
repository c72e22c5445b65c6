import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';

/**
 * Stable error codes of the API. Clients switch on `extensions.code`; `extensions.field`
 * names the offending input field. The messages are Vietnamese first, English after.
 */
export const ERRORS = {
  BAD_USER_INPUT: { field: undefined, message: 'Dữ liệu không hợp lệ / Invalid input' },
  NOT_FOUND: { field: undefined, message: 'Không tìm thấy / Not found' },
  HOUSEHOLD_ALREADY_ASSIGNED: { field: 'householdId', message: 'Hộ đã có đảng viên phụ trách / The household already has a responsible member' },
  MEMBER_EXEMPT: { field: 'memberId', message: 'Đảng viên được miễn sinh hoạt, không phân công phụ trách hộ / An exempt member cannot be assigned' },
  ASSIGNMENT_MODE_MISMATCH: { field: 'memberId', message: 'Đảng viên không cư trú tại xã chỉ phụ trách không thường xuyên / A non-resident member is assigned in non-regular mode only' },
  HOUSEHOLD_OUTSIDE_MEMBER_COMMUNE: { field: 'householdId', message: 'Hộ không thuộc xã nơi đảng viên sinh hoạt hoặc cư trú / The household is outside the member\'s commune' },
  ASSIGNMENT_ALREADY_ENDED: { field: 'assignmentId', message: 'Phân công đã kết thúc / The assignment has already ended' },
  MEMBER_HAS_ACTIVE_ASSIGNMENTS: { field: 'memberId', message: 'Đảng viên đang phụ trách hộ / The member still holds households' },
  VISIT_IN_FUTURE: { field: 'visitedOn', message: 'Ngày thăm không được ở tương lai / The visit date is in the future' },
  VISIT_ASSIGNMENT_MISMATCH: { field: 'householdId', message: 'Phân công không thuộc hộ này / The assignment is not for this household' },
  VISIT_NEEDS_HOUSEHOLD: { field: 'householdId', message: 'Thăm hộ cần chọn hộ / A home visit needs a household' },
  VISIT_NEEDS_CELL: { field: 'cellId', message: 'Cần chọn chi bộ / A cell is needed' },
  FEEDBACK_INVALID_TRANSITION: { field: 'feedbackId', message: 'Không thể chuyển trạng thái ý kiến như vậy / This feedback cannot move to that state' },
  FEEDBACK_ALREADY_AT_TOP_LEVEL: { field: 'feedbackId', message: 'Ý kiến đã ở cấp cao nhất / The feedback is already at the top level' },
  FEEDBACK_LEVEL_DOWN: { field: 'feedbackId', message: 'Không thể chuyển ý kiến xuống cấp dưới / Feedback cannot move down a level' },
  CLASSIFICATION_LOCKED: { field: undefined, message: 'Kết quả xếp loại đã được duyệt / The classification is approved and locked' },
  CLASSIFICATION_SUBMITTED: { field: 'grade', message: 'Kết quả đã gửi cấp ủy; cần cấp ủy trả lại để sửa / Submitted: the committee must return it before it can change' },
  CLASSIFICATION_INCOMPLETE: { field: 'memberId', message: 'Còn đảng viên hoặc chi bộ chưa được xếp loại / Some required grades are missing' },
  CLASSIFICATION_NOT_SUBMITTED: { field: 'cellId', message: 'Chi bộ chưa gửi kết quả xếp loại / The cell has not submitted its classification' },
  COMMITTEE_CYCLE: { field: 'parentId', message: 'Không thể đặt cấp ủy dưới chính nó / A committee cannot move under itself' },
  COMMITTEE_PARENT_NOT_FOUND: { field: 'parentId', message: 'Không tìm thấy cấp ủy cấp trên / Parent committee not found' },
  COMMITTEE_PATH_READ_ONLY: { field: 'path', message: 'Đường dẫn cấp ủy do hệ thống quản lý / The committee path is managed by the system' },
  UNAUTHENTICATED: { field: undefined, message: 'Cần đăng nhập / Sign-in required' },
  FORBIDDEN: { field: undefined, message: 'Không có quyền / Not allowed' },
  INVALID_CREDENTIALS: { field: 'password', message: 'Tên đăng nhập hoặc mật khẩu không đúng / Wrong username or password' },
  RATE_LIMITED: { field: undefined, message: 'Quá nhiều lần thử, vui lòng đợi / Too many attempts, please wait' },
  ACCOUNT_DISABLED: { field: 'username', message: 'Tài khoản đã bị khóa / The account is disabled' },
  WEAK_PASSWORD: { field: 'newPassword', message: 'Mật khẩu quá yếu / The password is too weak' },
  USERNAME_TAKEN: { field: 'username', message: 'Tên đăng nhập đã được dùng / The username is taken' },
  ACCOUNT_NOT_A_MEMBER: { field: 'role', message: 'Tài khoản không gắn với đảng viên nào / The account is not linked to a member' },
  QUERY_TIMEOUT: { field: undefined, message: 'Truy vấn chạy quá thời gian cho phép / The query ran past its time limit' },
  INTERNAL_SERVER_ERROR: { field: undefined, message: 'Lỗi hệ thống / Internal error' },
} as const satisfies Record<string, { field: string | undefined; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** A domain error: a stable code, the offending input field, and details safe to show. */
export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, options: { field?: string; detail?: string; extensions?: Record<string, unknown> } = {}) {
    const spec = ERRORS[code];
    super(options.detail ? `${spec.message}: ${options.detail}` : spec.message, {
      extensions: { code, field: options.field ?? spec.field, ...options.extensions },
    });
  }
}

export const notFound = (field: string, what?: string) => new DomainError('NOT_FOUND', { field, detail: what });
export const badInput = (field: string, detail: string) => new DomainError('BAD_USER_INPUT', { field, detail });

interface PgError {
  code?: string;
  message?: string;
  constraint?: string;
  column?: string;
  detail?: string;
}

/** Constraints whose violation means a domain rule, by name. */
const CONSTRAINT_CODES: Record<string, ErrorCode> = {
  assignment_household_active_key: 'HOUSEHOLD_ALREADY_ASSIGNED',
  account_username_key: 'USERNAME_TAKEN',
  visit_home_needs_household_check: 'VISIT_NEEDS_HOUSEHOLD',
  visit_household_same_cell_fk: 'VISIT_ASSIGNMENT_MISMATCH',
};

/** Fields named by constraints whose names do not say it. */
const CONSTRAINT_FIELDS: Record<string, string> = {
  committee_parent_id_name_key: 'name',
  cell_committee_id_name_key: 'name',
  assignment_dates_check: 'endedOn',
  role_binding_key: 'role',
};

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Field named by a constraint such as `visit_visited_on_check` or `feedback_visit_id_fkey`. */
function constraintField(constraint: string | undefined, table: string | undefined): string | undefined {
  if (!constraint) return undefined;
  const body = constraint.replace(/_(check|fkey|key)$/, '');
  const column = table && body.startsWith(`${table}_`) ? body.slice(table.length + 1) : body;
  return camel(column);
}

/** Translates a PostgreSQL error raised by a domain rule into a DomainError, or returns undefined. */
export function fromDatabaseError(error: unknown): DomainError | undefined {
  const pg = findPgError(error);
  if (!pg?.code) return undefined;
  if (pg.code === 'GB000') {
    const code = /(?:^| - )([A-Z][A-Z_]{2,})$/m.exec(pg.message ?? '')?.[1];
    if (code && code in ERRORS) return new DomainError(code as ErrorCode, { detail: pg.detail || undefined });
  }
  const table = (pg as { table?: string }).table;
  const named = pg.constraint ? CONSTRAINT_CODES[pg.constraint] : undefined;
  if (named) return new DomainError(named);
  const field = (pg.constraint && CONSTRAINT_FIELDS[pg.constraint]) ?? (pg.column ? camel(pg.column) : constraintField(pg.constraint, table));
  switch (pg.code) {
    case '23503': return new DomainError('NOT_FOUND', { field, detail: field });
    case '23514': case '23502': case '22001': case '22007': case '22008': case '22P02':
      return new DomainError('BAD_USER_INPUT', { field, detail: pg.constraint ?? pg.message });
    case '23505': return new DomainError('BAD_USER_INPUT', { field, detail: 'duplicate' });
    case '57014': return new DomainError('QUERY_TIMEOUT');
    default: return undefined;
  }
}

function findPgError(error: unknown): PgError | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const candidate = current as PgError & { cause?: unknown; originalError?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause ?? candidate.originalError;
  }
  return undefined;
}

function validationField(errors: ValidationError[]): { field?: string; detail?: string } {
  const first = errors[0];
  if (!first) return {};
  if (first.children?.length) {
    const nested = validationField(first.children);
    return { field: nested.field ? `${first.property}.${nested.field}` : first.property, detail: nested.detail };
  }
  return { field: first.property, detail: Object.values(first.constraints ?? {})[0] };
}

/** Apollo `formatError`: every error leaves with a stable code; internals are never leaked. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  if (original instanceof ArgumentValidationError) {
    const { field, detail } = validationField(original.extensions.validationErrors);
    return { ...formatted, message: `${ERRORS.BAD_USER_INPUT.message}: ${detail ?? ''}`.trim(), extensions: { code: 'BAD_USER_INPUT', field } };
  }
  const fromDb = fromDatabaseError(original);
  if (fromDb) return { ...formatted, message: fromDb.message, extensions: { ...fromDb.extensions } };
  const code = formatted.extensions?.code;
  if (!code || code === 'INTERNAL_SERVER_ERROR') {
    if (!(original instanceof GraphQLError)) console.error(original);
    return { ...formatted, message: ERRORS.INTERNAL_SERVER_ERROR.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  return formatted;
}
