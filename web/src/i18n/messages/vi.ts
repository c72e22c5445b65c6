import type { CellKind, CommitteeKind } from '../../gql/graphql';

/** Vietnamese, the source language: every other locale must have exactly these keys. */
export const vi = {
  app: {
    name: 'Gắn Bó',
    tagline: 'Đảng viên gắn bó với hộ dân',
    skipToContent: 'Bỏ qua, đến nội dung chính',
  },
  nav: {
    label: 'Điều hướng chính',
    committees: 'Tổ chức đảng',
  },
  locale: {
    label: 'Ngôn ngữ',
    vi: 'Tiếng Việt',
    en: 'English',
  },
  status: {
    loading: 'Đang tải…',
    error: 'Không tải được dữ liệu.',
    offline: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    retry: 'Thử lại',
  },
  notFound: {
    title: 'Không tìm thấy trang',
    body: 'Địa chỉ này không có trong Gắn Bó.',
    home: 'Về trang đầu',
  },
  committees: {
    title: 'Tổ chức đảng',
    intro: 'Chọn một đảng bộ để xem các đảng bộ và chi bộ trực thuộc.',
    roots: 'Đảng bộ cấp trên cùng',
    noRoots: 'Chưa có đảng bộ nào.',
    children: 'Đảng bộ trực thuộc',
    cells: 'Chi bộ trực thuộc',
    cellCount: '{n} chi bộ',
    childCount: '{n} đảng bộ trực thuộc',
    empty: 'Chưa có đảng bộ hay chi bộ trực thuộc.',
    breadcrumbs: 'Vị trí',
    all: 'Tất cả',
    moreAncestors: 'Các cấp trên',
    members: 'Đảng viên',
    households: 'Hộ gia đình',
    shown: 'Đang hiện {shown}/{total} chi bộ',
    loadMore: 'Xem thêm chi bộ',
    notFound: 'Không tìm thấy đảng bộ này.',
    backToAll: 'Về danh sách đảng bộ',
  },
  committeeKind: {
    BLOC: 'Đảng bộ khối',
    CITY: 'Đảng bộ thành phố',
    COMMUNE: 'Đảng bộ xã',
    DISTRICT: 'Đảng bộ huyện',
    GRASSROOTS: 'Đảng bộ cơ sở',
    PROVINCE: 'Đảng bộ tỉnh',
    TOWN: 'Đảng bộ thị xã',
    TOWNSHIP: 'Đảng bộ thị trấn',
    WARD: 'Đảng bộ phường',
  } satisfies Record<CommitteeKind, string>,
  cellKind: {
    AGENCY: 'Cơ quan',
    ENTERPRISE: 'Doanh nghiệp',
    HAMLET: 'Ấp, xóm',
    OTHER: 'Khác',
    RESIDENTIAL_GROUP: 'Tổ dân phố',
    VILLAGE: 'Thôn, bản',
  } satisfies Record<CellKind, string>,
};

export type Messages = typeof vi;
