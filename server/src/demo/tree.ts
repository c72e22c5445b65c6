/** The committee tree, cells and visit policies of a scale, planned before any member exists. */
import { communeNames, lowerFirst, NGHE_AN_DISTRICTS, TUONG_DUONG_COMMUNES, villageNames, type DistrictPlace } from './names.js';
import { Rng } from './random.js';
import type { CellKind, CellRow, CommitteeKind, CommitteeRow, Scale, VisitPolicyRow } from './tables.js';

export interface CellPlan {
  row: CellRow;
  /** Village, hamlet or residential group: it has households. */
  territorial: boolean;
  /** How an address names the place: "Bản Huồi Cọ", "Khối 3". */
  place: string;
  lat: number;
  lng: number;
  members: number;
  exempt: number;
  households: number;
  /** The address tail of the unit that owns the cell. */
  tail: string;
}

/** A commune (or a bloc's grassroots committee): the unit generated in one piece. */
export interface UnitPlan {
  index: number;
  committee: CommitteeRow;
  /** "xã Hữu Khuông, huyện Tương Dương": the tail of every address in the unit. */
  addressTail: string;
  upland: boolean;
  regularInterval: number;
  nonRegularInterval: number;
  cells: CellPlan[];
  /** Village cells of neighbouring units, where members who live elsewhere have their residence cell. */
  elsewhere: CellPlan[];
  /** Share of active members who take a whole household group rather than 1-2 households. */
  groupHolderShare: number;
  /** A bloc's grassroots committee: members with residence cells, no households. */
  bloc: boolean;
  /** The committee above, as documents name it: "Huyện ủy Tương Dương". */
  superior: string;
}

export interface Tree {
  committees: CommitteeRow[];
  policies: VisitPolicyRow[];
  cells: CellRow[];
  units: UnitPlan[];
}

const HUU_KHUONG_VILLAGES: readonly (readonly [string, number, number, number])[] = [
  // village, members, exempt members, households
  ['Huồi Cọ', 12, 1, 52], ['Xàn', 11, 1, 48], ['Huồi Pủng', 10, 0, 45], ['Chà Lâng', 9, 1, 44],
  ['Xốp Mạt', 9, 0, 42], ['Pha Lõm', 8, 1, 40], ['Huồi Xái', 7, 1, 38],
];
const HUU_KHUONG_AGENCIES: readonly (readonly [string, number])[] = [
  ['Chi bộ Cơ quan', 29], ['Chi bộ Trường học', 28], ['Chi bộ Trạm Y tế', 8], ['Chi bộ Quân sự - Công an', 12],
];
const AGENCY_CELLS = [
  'Chi bộ Cơ quan', 'Chi bộ Trường Tiểu học', 'Chi bộ Trường THCS', 'Chi bộ Trạm Y tế', 'Chi bộ Công an',
  'Chi bộ Quân sự', 'Chi bộ Trường Mầm non', 'Chi bộ Hợp tác xã Nông nghiệp', 'Chi bộ Đồn Biên phòng',
];
const BLOC_UNITS: readonly (readonly [string, string, string[]])[] = [
  ['Đảng bộ Sở Giáo dục và Đào tạo', 'SGD', ['Chi bộ Văn phòng Sở', 'Chi bộ Phòng Giáo dục Trung học', 'Chi bộ Phòng Tổ chức cán bộ']],
  ['Đảng bộ Sở Y tế', 'SYT', ['Chi bộ Văn phòng Sở Y tế', 'Chi bộ Phòng Nghiệp vụ Y', 'Chi bộ Thanh tra Sở']],
  ['Đảng bộ Công ty Điện lực Nghệ An', 'PCNA', ['Chi bộ Phòng Kỹ thuật', 'Chi bộ Điện lực Vinh', 'Chi bộ Phòng Kinh doanh']],
];

interface ScaleShape { districts: number; communesPerDistrict: number; bloc: boolean }
const SHAPES: Record<Scale, ScaleShape> = {
  demo: { districts: 1, communesPerDistrict: 4, bloc: false },
  district: { districts: 1, communesPerDistrict: 30, bloc: false },
  province: { districts: 10, communesPerDistrict: 30, bloc: true },
};

export function planTree(scale: Scale, seed: number): Tree {
  const rng = new Rng(seed, 'tree', scale);
  const shape = SHAPES[scale];
  const committees: CommitteeRow[] = [];
  const policies: VisitPolicyRow[] = [];
  const cells: CellRow[] = [];
  const units: UnitPlan[] = [];
  const committee = (parent: CommitteeRow | null, kind: CommitteeKind, name: string, code: string): CommitteeRow => {
    const row: CommitteeRow = { id: committees.length + 1, parent_id: parent?.id ?? null, kind, name, code };
    committees.push(row);
    return row;
  };
  const cell = (unit: CommitteeRow, kind: CellKind, name: string, place: string, lat: number, lng: number, members: number, exempt: number, households: number): CellPlan => {
    const row: CellRow = { id: cells.length + 1, committee_id: unit.id, kind, name };
    cells.push(row);
    return { row, territorial: kind === 'village' || kind === 'hamlet' || kind === 'residential_group', place, lat, lng, members, exempt, households, tail: '' };
  };

  const province = committee(null, 'province', 'Tỉnh Nghệ An', 'NA');
  if (scale === 'province') policies.push({ committee_id: province.id, regular_interval_days: 30, non_regular_interval_days: 30 });

  for (let d = 0; d < shape.districts; d++) {
    const place = NGHE_AN_DISTRICTS[d];
    const district = committee(province, place.kind, place.name, `NA-${place.code}`);
    // Tương Dương sets the monthly rule itself (every scale); elsewhere it comes from the province.
    if (d === 0) policies.push({ committee_id: district.id, regular_interval_days: 30, non_regular_interval_days: 30 });
    const districtUnits: UnitPlan[] = [];
    const superior = place.kind === 'city' ? place.name.replace('Thành phố', 'Thành ủy') : place.name.replace('Huyện', 'Huyện ủy');
    const names = place.code === 'TD'
      ? communeNames(rng, shape.communesPerDistrict, TUONG_DUONG_COMMUNES.slice(0, Math.min(shape.communesPerDistrict, scale === 'demo' ? 4 : 17)))
      : communeNames(rng, shape.communesPerDistrict);
    // The district seat is a township (thị trấn); Tương Dương's is Thạch Giám.
    if (place.code === 'TD' && scale !== 'demo') names[names.length - 1] = 'Thạch Giám';
    for (let c = 0; c < names.length; c++) {
      const kind: CommitteeKind = place.kind === 'city' ? 'ward' : c === names.length - 1 && scale !== 'demo' ? 'township' : 'commune';
      const fullName = `${kind === 'ward' ? 'Phường' : kind === 'township' ? 'Thị trấn' : 'Xã'} ${names[c]}`;
      const unit = committee(district, kind, fullName, `NA-${place.code}-${String(c + 1).padStart(2, '0')}`);
      // A few communes ask for fortnightly visits (the rule allows a commune to be stricter).
      const strict = scale === 'demo' ? c === 1 : c % 7 === 4;
      if (strict) policies.push({ committee_id: unit.id, regular_interval_days: 14, non_regular_interval_days: 30 });
      const effective = strict ? 14 : 30;
      const plan: UnitPlan = {
        index: units.length, committee: unit, addressTail: `${lowerFirst(fullName)}, ${lowerFirst(place.name)}`,
        upland: place.upland, regularInterval: effective, nonRegularInterval: 30, cells: [], elsewhere: [],
        groupHolderShare: 0.75, bloc: false, superior,
      };
      const centre = { lat: place.lat + rng.float(-0.06, 0.06), lng: place.lng + rng.float(-0.13, 0.13) };
      // Hữu Khuông keeps the article's size at every scale, and with it the demo's 1-2 households per member.
      if (scale === 'demo' || (d === 0 && c === 0)) {
        planSmallCommune(plan, c, centre, rng, cell);
        plan.groupHolderShare = 0.12;
      } else {
        planCommune(plan, place, centre, rng, cell);
      }
      for (const x of plan.cells) x.tail = plan.addressTail;
      units.push(plan);
      districtUnits.push(plan);
    }
    for (const plan of districtUnits) {
      plan.elsewhere = districtUnits.filter((other) => other !== plan).flatMap((other) => other.cells.filter((x) => x.territorial));
    }
  }

  if (shape.bloc) {
    const bloc = committee(province, 'bloc', 'Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh', 'NA-KCQ');
    const city = units.filter((u) => u.committee.kind === 'ward').flatMap((u) => u.cells.filter((x) => x.territorial));
    for (const [name, code, cellNames] of BLOC_UNITS) {
      const unit = committee(bloc, 'grassroots', name, `NA-KCQ-${code}`);
      const plan: UnitPlan = {
        index: units.length, committee: unit, addressTail: 'thành phố Vinh', upland: false, regularInterval: 30,
        nonRegularInterval: 30, cells: [], elsewhere: city, groupHolderShare: 0, bloc: true,
        superior: 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh',
      };
      for (const cellName of cellNames) {
        plan.cells.push(cell(unit, code === 'PCNA' ? 'enterprise' : 'agency', cellName, '', 18.67, 105.68, rng.int(14, 30), 0, 0));
      }
      units.push(plan);
    }
  }
  return { committees, policies, cells, units };
}

type CellFactory = (unit: CommitteeRow, kind: CellKind, name: string, place: string, lat: number, lng: number, members: number, exempt: number, households: number) => CellPlan;

/** Hữu Khuông with the article's figures, and the demo's smaller neighbours. */
function planSmallCommune(plan: UnitPlan, position: number, centre: { lat: number; lng: number }, rng: Rng, cell: CellFactory): void {
  const unit = plan.committee;
  const village = (name: string, members: number, exempt: number, households: number) =>
    plan.cells.push(cell(unit, 'village', `Chi bộ bản ${name}`, `Bản ${name}`, centre.lat + rng.float(-0.035, 0.035), centre.lng + rng.float(-0.045, 0.045), members, exempt, households));
  if (unit.name === 'Xã Hữu Khuông') {
    for (const [name, members, exempt, households] of HUU_KHUONG_VILLAGES) village(name, members, exempt, households);
    for (const [name, members] of HUU_KHUONG_AGENCIES) plan.cells.push(cell(unit, 'agency', name, '', centre.lat, centre.lng, members, 0, 0));
    return;
  }
  const villages = villageNames(rng, 4 + position % 3, HUU_KHUONG_VILLAGES.map(([name]) => name));
  for (const name of villages) village(name, rng.int(7, 11), rng.chance(0.5) ? 1 : 0, rng.int(36, 48));
  for (const name of AGENCY_CELLS.slice(0, 3)) plan.cells.push(cell(unit, 'agency', name, '', centre.lat, centre.lng, rng.int(9, 16), 0, 0));
}

/** A commune of the larger scales: ~3,400 households and ~410 members on average. */
function planCommune(plan: UnitPlan, place: DistrictPlace, centre: { lat: number; lng: number }, rng: Rng, cell: CellFactory): void {
  const unit = plan.committee;
  const urban = unit.kind === 'ward' || unit.kind === 'township';
  const households = Math.round(rng.around(3400, 1100, 1800, 5200));
  const members = Math.round(households * rng.around(0.12, 0.025, 0.085, 0.16));
  const agencyCount = rng.int(4, 7);
  const agencyMembers = Math.round(members * rng.around(0.3, 0.06, 0.2, 0.4));
  const territorial = urban ? rng.int(9, 15) : rng.int(10, 18);
  const names = urban
    ? Array.from({ length: territorial }, (_, i) => `Khối ${i + 1}`)
    : place.upland ? villageNames(rng, territorial) : Array.from({ length: territorial }, (_, i) => `Xóm ${i + 1}`);
  const weights = names.map(() => rng.float(0.6, 1.4));
  const total = weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < names.length; i++) {
    const share = weights[i] / total;
    const villageMembers = Math.max(3, Math.round((members - agencyMembers) * share * rng.float(0.8, 1.2)));
    const label = urban || !place.upland ? names[i] : `Bản ${names[i]}`;
    const cellName = urban ? `Chi bộ khối ${i + 1}` : place.upland ? `Chi bộ bản ${names[i]}` : `Chi bộ xóm ${i + 1}`;
    const spread = urban ? 0.008 : 0.05;
    plan.cells.push(cell(unit, urban ? 'residential_group' : 'village', cellName, label,
      centre.lat + rng.float(-spread, spread), centre.lng + rng.float(-spread * 1.3, spread * 1.3),
      villageMembers, Math.round(villageMembers * rng.float(0, 0.09)), Math.max(40, Math.round(households * share))));
  }
  // Every commune has its office cell (Chi bộ Cơ quan): the leaders who go on delegation visits.
  for (const name of [AGENCY_CELLS[0], ...rng.sample(AGENCY_CELLS.slice(1, place.upland ? 9 : 8), agencyCount - 1)]) {
    plan.cells.push(cell(unit, name.includes('Hợp tác xã') ? 'enterprise' : 'agency', name, '', centre.lat, centre.lng,
      Math.max(5, Math.round((agencyMembers / agencyCount) * rng.float(0.6, 1.4))), 0, 0));
  }
}
