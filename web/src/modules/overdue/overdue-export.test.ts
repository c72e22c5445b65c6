import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { OverdueAssignmentFragment } from '../../gql/graphql';
import { exportCsv, exportFileName, exportSheet, exportTable, type ExportLabels } from './overdue-export';
import { buildXlsx } from './xlsx';

const labels: ExportLabels = {
  columns: {
    headName: 'Chủ hộ',
    address: 'Địa chỉ',
    cell: 'Chi bộ',
    member: 'Đảng viên phụ trách',
    lastVisitOn: 'Lần thăm cuối',
    dueOn: 'Hạn thăm',
    daysOverdue: 'Số ngày quá hạn',
    intervalDays: 'Chu kỳ thăm (ngày)',
    priority: 'Hộ ưu tiên',
    priorityFlags: 'Diện ưu tiên',
    povertyStatus: 'Hộ nghèo',
    assignmentId: 'Mã phân công',
    householdId: 'Mã hộ',
    memberId: 'Mã đảng viên',
  },
  flags: {
    POLICY_FAMILY: 'Gia đình chính sách',
    REVOLUTIONARY_MERIT: 'Có công với cách mạng',
    RETIRED_CADRE: 'Cán bộ hưu trí',
    PARTY_40_YEARS: 'Đảng viên 40 năm tuổi Đảng',
    RELIGIOUS: 'Chức sắc tôn giáo',
    PERSON_OF_STANDING: 'Người có uy tín',
  },
  poverty: { NONE: 'Không', POOR: 'Hộ nghèo', NEAR_POOR: 'Hộ cận nghèo' },
  yes: 'Có',
  no: 'Không',
};

const assignment = (id: string, patch: Partial<OverdueAssignmentFragment> = {}): OverdueAssignmentFragment => ({
  id,
  lastVisitOn: '2025-03-01',
  dueOn: '2025-03-31',
  daysOverdue: 42,
  intervalDays: 30,
  mode: 'REGULAR',
  startedOn: '2024-01-01',
  household: {
    id: `h${id}`,
    headName: 'Lò Văn Pằn',
    address: 'Bản Xốp Mạt, xã Hữu Khuông',
    isPriority: true,
    priorityFlags: ['POLICY_FAMILY', 'RETIRED_CADRE'],
    povertyStatus: 'POOR',
    cell: { id: '31', name: 'Chi bộ bản Xốp Mạt' },
  },
  member: { id: '7', fullName: 'Vi Thị Hoa' },
  ...patch,
});

describe('overdue export rows', () => {
  it('writes one row per assignment with words for flags and dates as dates', () => {
    const table = exportTable([assignment('1')], labels);
    expect(table.columns.map((column) => column.header)[0]).toBe('Chủ hộ');
    expect(table.rows).toEqual([
      [
        'Lò Văn Pằn',
        'Bản Xốp Mạt, xã Hữu Khuông',
        'Chi bộ bản Xốp Mạt',
        'Vi Thị Hoa',
        { date: '2025-03-01' },
        { date: '2025-03-31' },
        42,
        30,
        'Có',
        'Gia đình chính sách; Cán bộ hưu trí',
        'Hộ nghèo',
        '1',
        'h1',
        '7',
      ],
    ]);
  });

  it('leaves masked and missing values empty: an analyst’s file has no names, a never-visited household no last visit', () => {
    const masked = assignment('2', {
      lastVisitOn: null,
      member: { id: '7', fullName: null },
      household: { ...assignment('2').household!, headName: null, address: null, isPriority: false, priorityFlags: [], povertyStatus: 'NONE' },
    });
    const [row] = exportTable([masked], labels).rows;
    expect(row).toEqual([null, null, 'Chi bộ bản Xốp Mạt', null, null, { date: '2025-03-31' }, 42, 30, 'Không', null, null, '2', 'h2', '7']);
  });

  it('makes a CSV Excel opens in Vietnamese, with a header and one line per row, and no formula from data', () => {
    const rows = [assignment('1'), assignment('2', { household: { ...assignment('2').household!, headName: '=HYPERLINK("x")', address: 'Xóm 1, "Bản" 2' } })];
    const csv = exportCsv(exportTable(rows, labels));
    expect(csv.startsWith('\uFEFFChủ hộ,Địa chỉ,')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe('Lò Văn Pằn,"Bản Xốp Mạt, xã Hữu Khuông",Chi bộ bản Xốp Mạt,Vi Thị Hoa,2025-03-01,2025-03-31,42,30,Có,Gia đình chính sách; Cán bộ hưu trí,Hộ nghèo,1,h1,7');
    expect(lines[2].startsWith(`"'=HYPERLINK(""x"")","Xóm 1, ""Bản"" 2",`)).toBe(true);
  });

  it('makes an XLSX sheet with the same rows', () => {
    const table = exportTable([assignment('1'), assignment('2'), assignment('3')], labels);
    const xml = strFromU8(unzipSync(buildXlsx(exportSheet(table, 'Quá hạn thăm')))['xl/worksheets/sheet1.xml']);
    expect(xml.match(/<row /g)).toHaveLength(4);
  });

  it('names the file after the unit, without diacritics', () => {
    expect(exportFileName('Xã Hữu Khuông', 'xlsx', '2025-05-12')).toBe('qua-han-tham-xa-huu-khuong-2025-05-12.xlsx');
    expect(exportFileName('Chi bộ bản Xốp Mạt', 'csv', '2025-05-12')).toBe('qua-han-tham-chi-bo-ban-xop-mat-2025-05-12.csv');
  });
});
