/**
 * Which province a page belongs to, from its host alone (no page content): the filter
 * "by province" and the statistics group on it.
 *
 * Every provincial government portal lives at `<slug>.gov.vn` and its departments and
 * communes under it (`bdv.binhphuoc.gov.vn`, `huongxuan.huongtra.thuathienhue.gov.vn`);
 * provincial party committees at `<slug>.dcs.vn`. Provincial newspapers come from the
 * site list (`lib/sites`, plain data, which already names their province).
 *
 * Names are those of the 63 provinces the portals were built for: their archives still
 * say so, and a page published in 2023 by Bình Phước is Bình Phước's. `mergedProvince()`
 * gives the unit it belongs to since the merger of July 2025 (63 → 34), for grouping.
 * Spellings follow lib/sites ("Thanh Hóa", "TP. Hồ Chí Minh").
 */
import { siteForHost } from '../sites/index.ts';

/** Portal slug (the label before `.gov.vn` / `.dcs.vn`) → province. */
const PORTAL_SLUGS: Readonly<Record<string, string>> = {
  hanoi: 'Hà Nội',
  hochiminhcity: 'TP. Hồ Chí Minh',
  tphcm: 'TP. Hồ Chí Minh',
  haiphong: 'Hải Phòng',
  danang: 'Đà Nẵng',
  cantho: 'Cần Thơ',
  hue: 'Huế',
  thuathienhue: 'Huế',
  angiang: 'An Giang',
  'baria-vungtau': 'Bà Rịa - Vũng Tàu',
  bariavungtau: 'Bà Rịa - Vũng Tàu',
  bacgiang: 'Bắc Giang',
  backan: 'Bắc Kạn',
  baclieu: 'Bạc Liêu',
  bacninh: 'Bắc Ninh',
  bentre: 'Bến Tre',
  binhdinh: 'Bình Định',
  binhduong: 'Bình Dương',
  binhphuoc: 'Bình Phước',
  binhthuan: 'Bình Thuận',
  camau: 'Cà Mau',
  caobang: 'Cao Bằng',
  daklak: 'Đắk Lắk',
  daknong: 'Đắk Nông',
  dienbien: 'Điện Biên',
  dongnai: 'Đồng Nai',
  dongthap: 'Đồng Tháp',
  gialai: 'Gia Lai',
  hagiang: 'Hà Giang',
  hanam: 'Hà Nam',
  hatinh: 'Hà Tĩnh',
  haiduong: 'Hải Dương',
  haugiang: 'Hậu Giang',
  hoabinh: 'Hòa Bình',
  hungyen: 'Hưng Yên',
  khanhhoa: 'Khánh Hòa',
  kiengiang: 'Kiên Giang',
  kontum: 'Kon Tum',
  laichau: 'Lai Châu',
  lamdong: 'Lâm Đồng',
  langson: 'Lạng Sơn',
  laocai: 'Lào Cai',
  longan: 'Long An',
  namdinh: 'Nam Định',
  nghean: 'Nghệ An',
  ninhbinh: 'Ninh Bình',
  ninhthuan: 'Ninh Thuận',
  phutho: 'Phú Thọ',
  phuyen: 'Phú Yên',
  quangbinh: 'Quảng Bình',
  quangnam: 'Quảng Nam',
  quangngai: 'Quảng Ngãi',
  quangninh: 'Quảng Ninh',
  quangtri: 'Quảng Trị',
  soctrang: 'Sóc Trăng',
  sonla: 'Sơn La',
  tayninh: 'Tây Ninh',
  thaibinh: 'Thái Bình',
  thainguyen: 'Thái Nguyên',
  thanhhoa: 'Thanh Hóa',
  tiengiang: 'Tiền Giang',
  travinh: 'Trà Vinh',
  tuyenquang: 'Tuyên Quang',
  vinhlong: 'Vĩnh Long',
  vinhphuc: 'Vĩnh Phúc',
  yenbai: 'Yên Bái',
};

/**
 * The 2025 merger (Resolution 202/2025/QH15): each absorbed province → the unit it joined.
 * Provinces not listed kept their name and borders (or are the unit others joined).
 */
const MERGED_INTO: Readonly<Record<string, string>> = {
  'Hà Giang': 'Tuyên Quang',
  'Yên Bái': 'Lào Cai',
  'Bắc Kạn': 'Thái Nguyên',
  'Vĩnh Phúc': 'Phú Thọ',
  'Hòa Bình': 'Phú Thọ',
  'Bắc Giang': 'Bắc Ninh',
  'Thái Bình': 'Hưng Yên',
  'Hải Dương': 'Hải Phòng',
  'Hà Nam': 'Ninh Bình',
  'Nam Định': 'Ninh Bình',
  'Quảng Bình': 'Quảng Trị',
  'Quảng Nam': 'Đà Nẵng',
  'Kon Tum': 'Quảng Ngãi',
  'Bình Định': 'Gia Lai',
  'Ninh Thuận': 'Khánh Hòa',
  'Đắk Nông': 'Lâm Đồng',
  'Bình Thuận': 'Lâm Đồng',
  'Phú Yên': 'Đắk Lắk',
  'Bình Dương': 'TP. Hồ Chí Minh',
  'Bà Rịa - Vũng Tàu': 'TP. Hồ Chí Minh',
  'Bình Phước': 'Đồng Nai',
  'Long An': 'Tây Ninh',
  'Sóc Trăng': 'Cần Thơ',
  'Hậu Giang': 'Cần Thơ',
  'Bến Tre': 'Vĩnh Long',
  'Trà Vinh': 'Vĩnh Long',
  'Tiền Giang': 'Đồng Tháp',
  'Bạc Liêu': 'Cà Mau',
  'Kiên Giang': 'An Giang',
};

/** Every province name `provinceForHost` can return (the 63), sorted for pickers. */
export const PROVINCES: readonly string[] = [...new Set(Object.values(PORTAL_SLUGS))].sort((a, b) =>
  a.localeCompare(b, 'vi'),
);

/** The province of a host, or null when the host is not a known provincial site. */
export function provinceForHost(host: string): string | null {
  const h = host.toLowerCase().replace(/\.$/, '');
  const labels = h.split('.');
  const n = labels.length;
  // `<slug>.gov.vn` or `<slug>.dcs.vn`, possibly under more subdomains.
  if (n >= 3 && labels[n - 1] === 'vn' && (labels[n - 2] === 'gov' || labels[n - 2] === 'dcs')) {
    const slug = labels[n - 3]!;
    if (Object.hasOwn(PORTAL_SLUGS, slug)) return PORTAL_SLUGS[slug]!;
  }
  return siteForHost(h)?.province ?? null;
}

/** The province as it is since July 2025 (34 units): absorbed provinces map to their new unit. */
export function mergedProvince(province: string): string {
  return Object.hasOwn(MERGED_INTO, province) ? MERGED_INTO[province]! : province;
}
