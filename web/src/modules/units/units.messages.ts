import { defineMessages } from '../../i18n/define-messages';

export const messages = defineMessages(
  { units: { tabs: 'Các mục của đơn vị', overview: 'Tổng quan', members: 'Đảng viên' } },
  { units: { tabs: 'Unit sections', overview: 'Overview', members: 'Members' } },
);
