import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildXlsx, columnName, escapeXml, excelDate, safeSheetName } from './xlsx';

const sheetXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']);

describe('xlsx', () => {
  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('numbers dates the way Excel does', () => {
    expect(excelDate('1900-03-01')).toBe(61);
    expect(excelDate('2025-05-12')).toBe(45789);
  });

  it('writes a workbook with every part a spreadsheet program opens', () => {
    const files = unzipSync(buildXlsx({ name: 'Quá hạn thăm', columns: [{ header: 'Chủ hộ' }], rows: [['Lò Văn Pằn']] }));
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(strFromU8(files['xl/workbook.xml'])).toContain('<sheet name="Quá hạn thăm" sheetId="1" r:id="rId1"/>');
  });

  it('has a header row and one row per record, text inline, numbers as numbers, dates as dates, empty cells left out', () => {
    const xml = sheetXml(
      buildXlsx({
        name: 'Danh sách',
        columns: [{ header: 'Chủ hộ', width: 24 }, { header: 'Lần thăm cuối' }, { header: 'Số ngày quá hạn' }],
        rows: [
          ['Lò Văn Pằn', { date: '2025-05-12' }, 12],
          [null, null, 0],
        ],
      }),
    );
    expect(xml.match(/<row /g)).toHaveLength(3);
    expect(xml).toContain('<c r="A1" s="1" t="inlineStr"><is><t>Chủ hộ</t></is></c>');
    expect(xml).toContain('<c r="A2" t="inlineStr"><is><t>Lò Văn Pằn</t></is></c><c r="B2" s="2"><v>45789</v></c><c r="C2"><v>12</v></c>');
    expect(xml).toContain('<row r="3"><c r="C3"><v>0</v></c></row>');
    expect(xml).toContain('<autoFilter ref="A1:C3"/>');
    expect(xml).toContain('<col min="1" max="1" width="24" customWidth="1"/>');
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml('Hộ <A> & "B"\u0007')).toBe('Hộ &lt;A&gt; &amp; &quot;B&quot;');
    const xml = sheetXml(buildXlsx({ name: 'x', columns: [{ header: 'a' }], rows: [[' lề ']] }));
    expect(xml).toContain('<t xml:space="preserve"> lề </t>');
  });

  it('keeps sheet names within what Excel accepts', () => {
    expect(safeSheetName('Quá hạn: Xã/Huyện [2025]')).toBe('Quá hạn  Xã Huyện  2025');
    expect(safeSheetName('x'.repeat(40))).toHaveLength(31);
    expect(safeSheetName('???')).toBe('Sheet1');
  });
});
