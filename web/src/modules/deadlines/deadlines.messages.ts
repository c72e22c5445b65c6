import { defineMessages } from '../../i18n/define-messages';

export const messages = defineMessages(
  {
    due: {
      overdue: 'Quá hạn {n} ngày',
      today: 'Đến hạn hôm nay',
      left: 'Còn {n} ngày',
      dueOn: 'hạn {date}',
    },
  },
  {
    due: {
      overdue: '{n} days overdue | 1 day overdue | {n} days overdue',
      today: 'Due today',
      left: '{n} days left | 1 day left | {n} days left',
      dueOn: 'due {date}',
    },
  },
);
