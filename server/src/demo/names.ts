/** Vietnamese names and places for the demo data: western Nghệ An, Thái, Khơ Mú and Kinh people. */
import { Rng, weighted } from './random.js';

/** Family names; `upland` weights for Tương Dương-like districts, `lowland` for the plains. */
const FAMILY: readonly (readonly [string, number, number])[] = [
  ['Lô', 14, 1], ['Vi', 10, 1], ['Lương', 9, 2], ['Kha', 5, 0.3], ['Moong', 5, 0.1], ['Lữ', 4, 0.3],
  ['Ngân', 4, 0.3], ['Quang', 3, 0.3], ['Cụt', 3, 0.1], ['Mạc', 3, 0.5], ['Lang', 3, 0.3], ['Hà', 3, 1],
  ['Xồng', 2, 0.1], ['Lầu', 1, 0.1], ['Vừ', 1, 0.1], ['Sầm', 2, 0.2], ['Lỳ', 1, 0.1], ['Ốc', 1, 0.1],
  ['Nguyễn', 9, 30], ['Lê', 4, 10], ['Trần', 3, 10], ['Phan', 1, 5], ['Hồ', 2, 8], ['Đặng', 1, 4],
  ['Võ', 1, 5], ['Hoàng', 1, 4], ['Phạm', 1, 5], ['Đinh', 1, 3], ['Bùi', 1, 3], ['Cao', 1, 2], ['Thái', 1, 2],
];
const uplandFamily = weighted(FAMILY.map(([name, upland]) => [name, upland] as const));
const lowlandFamily = weighted(FAMILY.map(([name, , lowland]) => [name, lowland] as const));
const KINH = new Set(['Nguyễn', 'Lê', 'Trần', 'Phan', 'Hồ', 'Đặng', 'Võ', 'Hoàng', 'Phạm', 'Đinh', 'Bùi', 'Cao', 'Thái']);

const MALE_GIVEN = [
  'Tùng', 'Cảnh', 'Minh', 'Xuyên', 'Hùng', 'Dũng', 'Thắng', 'Bình', 'Phong', 'Hải', 'Lâm', 'Quân', 'Tuấn', 'Khánh',
  'Sơn', 'Chiến', 'Thanh', 'Hợi', 'Pằn', 'Xiêm', 'Tịnh', 'Nhất', 'Định', 'Hoàn', 'Lực', 'Đức', 'Kiên', 'Trọng',
  'Thuận', 'Vinh', 'Toàn', 'Long', 'Nam', 'Quyết', 'Cường', 'Hiếu', 'Phúc', 'Tâm', 'Việt', 'Hưng', 'Sáu', 'Bảy',
  'Khăm', 'Phò', 'Xeo', 'Ún', 'Thông', 'Tài', 'Quý', 'Lịch', 'Hòa', 'Duy', 'Anh', 'Bằng', 'Công', 'Giang',
];
const FEMALE_GIVEN = [
  'Hoa', 'Lan', 'Mai', 'Hương', 'Thảo', 'Liên', 'Nga', 'Xuân', 'Hằng', 'Phượng', 'Ngọc', 'Oanh', 'Bích', 'Dung',
  'Tâm', 'Yến', 'Nhung', 'Lý', 'Khăm', 'Ban', 'Thương', 'Hiền', 'Trang', 'Linh', 'Huyền', 'Vân', 'Thủy', 'Hà',
  'Ánh', 'Loan', 'Quyên', 'Tuyết', 'Sen', 'Xoan', 'Diệu', 'Nhàn', 'Châm', 'Ly', 'Uyên', 'Vui', 'Ơn', 'Thoa',
];
const KINH_MALE_MIDDLE = ['Văn', 'Văn', 'Đình', 'Hữu', 'Xuân', 'Minh', 'Công', 'Đức', 'Quang', 'Thanh'];
const KINH_FEMALE_MIDDLE = ['Thị', 'Thị', 'Thị', 'Thu', 'Ngọc', 'Hồng', 'Thanh', 'Minh'];

export interface Person { name: string; gender: 'male' | 'female'; family: string }

export function personName(rng: Rng, upland: boolean, gender: 'male' | 'female' = rng.chance(0.62) ? 'male' : 'female'): Person {
  const family = upland ? uplandFamily(rng) : lowlandFamily(rng);
  const kinh = KINH.has(family);
  const middle = gender === 'male'
    ? (kinh ? rng.pick(KINH_MALE_MIDDLE) : 'Văn')
    : (kinh ? rng.pick(KINH_FEMALE_MIDDLE) : 'Thị');
  const given = rng.pick(gender === 'male' ? MALE_GIVEN : FEMALE_GIVEN);
  return { name: `${family} ${middle} ${given}`, gender, family };
}

const PHONE_PREFIXES = ['091', '094', '098', '097', '096', '086', '088', '035', '036', '037', '038', '039', '032', '033', '034', '081', '082', '083', '084', '085', '070', '076', '077', '078', '079'];

/** A mobile number written the way people write it: "0912 345 678". */
export function phoneNumber(rng: Rng): string {
  const digits = String(rng.int(0, 9_999_999)).padStart(7, '0');
  const p = rng.pick(PHONE_PREFIXES);
  return `${p}${digits[0]} ${digits.slice(1, 4)} ${digits.slice(4, 7)}`;
}

/** Syllables of Thái village names (bản); combined and de-duplicated per commune. */
const VILLAGE_FIRST = ['Huồi', 'Xốp', 'Na', 'Phà', 'Pha', 'Nà', 'Chà', 'Xiềng', 'Văng', 'Cò', 'Tả', 'Xằng', 'Hốc', 'Coóng', 'Khe', 'Mường', 'Đồn', 'Piềng', 'Kẻo', 'Noọng'];
const VILLAGE_SECOND = ['Cọ', 'Mạt', 'Pủng', 'Lâng', 'Xàn', 'Lõm', 'Xái', 'Khảo', 'Khốm', 'Mòn', 'Cáng', 'Phồng', 'Tạt', 'Nhạn', 'Lạ', 'Đôn', 'Khủn', 'Pòng', 'Phày', 'Quyết', 'Canh', 'Tang', 'Luồng', 'Hin', 'Poọng', 'Xiêng', 'Muồng', 'Hạt', 'Mác', 'Kham', 'Ải', 'Thái', 'Mới', 'Pục', 'Ngà', 'Bua'];

export function villageNames(rng: Rng, count: number, taken: Iterable<string> = []): string[] {
  const used = new Set(taken);
  const names: string[] = [];
  while (names.length < count) {
    const name = `${rng.pick(VILLAGE_FIRST)} ${rng.pick(VILLAGE_SECOND)}`;
    if (used.has(name)) continue;
    used.add(name);
    names.push(name);
  }
  return names;
}

/** Real communes of Tương Dương first; more are composed when a scale asks for them. */
export const TUONG_DUONG_COMMUNES = [
  'Hữu Khuông', 'Tam Quang', 'Nga My', 'Yên Na', 'Xá Lượng', 'Tam Đình', 'Yên Hòa', 'Yên Thắng', 'Lưu Kiền',
  'Lượng Minh', 'Mai Sơn', 'Nhôn Mai', 'Hữu Dương', 'Tam Thái', 'Tam Hợp', 'Yên Tĩnh', 'Kim Đa', 'Kim Tiến',
];
const COMMUNE_FIRST = ['Châu', 'Thanh', 'Hưng', 'Nghi', 'Đức', 'Phúc', 'Xuân', 'Tân', 'Trung', 'Hòa', 'Bình', 'Minh', 'Quang', 'Đông', 'Tây', 'Nam', 'Bắc', 'Sơn', 'Thịnh', 'Lộc', 'Long', 'Khánh', 'Mỹ', 'Hồng', 'Thuận', 'Lâm', 'Yên', 'Phong', 'Môn', 'Lạng', 'Bồng', 'Cam', 'Đồng', 'Thạch', 'Tiền', 'Kim'];
const COMMUNE_SECOND = ['Khê', 'Sơn', 'Thành', 'Lộc', 'Phúc', 'Tiến', 'Hợp', 'Thủy', 'Lâm', 'Phong', 'Hòa', 'Bình', 'Long', 'Xuân', 'Mỹ', 'Đức', 'Thịnh', 'Lĩnh', 'Giang', 'Hưng', 'An', 'Ngàn', 'Dạ', 'Thôn', 'Phú', 'Vĩnh', 'Quang', 'Minh', 'Tường', 'Liên'];

export function communeNames(rng: Rng, count: number, preset: readonly string[] = []): string[] {
  const names = preset.slice(0, count);
  const used = new Set(names);
  while (names.length < count) {
    const name = `${rng.pick(COMMUNE_FIRST)} ${rng.pick(COMMUNE_SECOND)}`;
    if (used.has(name)) continue;
    used.add(name);
    names.push(name);
  }
  return names;
}

export interface DistrictPlace { name: string; kind: 'district' | 'city' | 'town'; code: string; lat: number; lng: number; upland: boolean }

/** Districts of Nghệ An (before the 2025 reorganisation), with rough centres. */
export const NGHE_AN_DISTRICTS: readonly DistrictPlace[] = [
  { name: 'Huyện Tương Dương', kind: 'district', code: 'TD', lat: 19.3, lng: 104.5, upland: true },
  { name: 'Huyện Kỳ Sơn', kind: 'district', code: 'KS', lat: 19.4, lng: 104.15, upland: true },
  { name: 'Huyện Con Cuông', kind: 'district', code: 'CC', lat: 19.05, lng: 104.88, upland: true },
  { name: 'Huyện Quế Phong', kind: 'district', code: 'QP', lat: 19.65, lng: 104.9, upland: true },
  { name: 'Huyện Quỳ Châu', kind: 'district', code: 'QC', lat: 19.55, lng: 105.1, upland: true },
  { name: 'Huyện Quỳ Hợp', kind: 'district', code: 'QH', lat: 19.33, lng: 105.18, upland: true },
  { name: 'Huyện Anh Sơn', kind: 'district', code: 'AS', lat: 18.93, lng: 105.08, upland: false },
  { name: 'Huyện Thanh Chương', kind: 'district', code: 'TC', lat: 18.78, lng: 105.33, upland: false },
  { name: 'Huyện Đô Lương', kind: 'district', code: 'DL', lat: 18.9, lng: 105.3, upland: false },
  { name: 'Thành phố Vinh', kind: 'city', code: 'VI', lat: 18.67, lng: 105.68, upland: false },
];

const STREETS = ['Lê Lợi', 'Trần Phú', 'Nguyễn Du', 'Phan Đình Phùng', 'Lê Hồng Phong', 'Quang Trung', 'Nguyễn Thị Minh Khai', 'Hồ Tùng Mậu', 'Trường Chinh', 'Lê Duẩn', 'Nguyễn Văn Cừ', 'Hà Huy Tập', 'Phong Định Cảng', 'Mai Hắc Đế'];

export function streetAddress(rng: Rng, block: string, ward: string): string {
  return `Số ${rng.int(1, 220)} đường ${rng.pick(STREETS)}, ${block}, ${ward}`;
}

/** How a local body is written in an address: "Xã Hữu Khuông" -> "xã Hữu Khuông". */
export function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
