import type { Site } from './types';

/**
 * Sites the content script runs on. Each `domain` covers itself and every
 * subdomain (`baodanang.vn` also covers `www.baodanang.vn`), which is exactly
 * what the manifest pattern `*://*.<domain>/*` means, so one list feeds both
 * the manifest and `isSupportedHost`.
 *
 * Kept short on purpose: every hostname below was checked against real links
 * to the site. Since the July 2025 merger of provinces (63 → 34) several
 * provincial papers were merged too; their old domains still serve the archive
 * that readers arrive at from search, so they stay listed.
 * Sorted by kind, then by region north → south.
 */
export const SITES: readonly Site[] = [
  // Every central, provincial and commune government portal lives under gov.vn.
  { domain: 'gov.vn', label: 'Cổng thông tin điện tử (gov.vn)', kind: 'portal' },

  // Provincial and municipal party newspapers ("báo Đảng bộ tỉnh/thành phố").
  { domain: 'hanoimoi.vn', label: 'Báo Hà Nội Mới', kind: 'newspaper', province: 'Hà Nội' },
  { domain: 'baohaiphong.vn', label: 'Báo Hải Phòng', kind: 'newspaper', province: 'Hải Phòng' },
  { domain: 'baoquangninh.vn', label: 'Báo Quảng Ninh', kind: 'newspaper', province: 'Quảng Ninh' },
  { domain: 'baothainguyen.vn', label: 'Báo Thái Nguyên', kind: 'newspaper', province: 'Thái Nguyên' },
  { domain: 'baophutho.vn', label: 'Báo Phú Thọ', kind: 'newspaper', province: 'Phú Thọ' },
  { domain: 'baoninhbinh.org.vn', label: 'Báo Ninh Bình', kind: 'newspaper', province: 'Ninh Bình' },
  { domain: 'baothanhhoa.vn', label: 'Báo Thanh Hóa', kind: 'newspaper', province: 'Thanh Hóa' },
  { domain: 'baonghean.vn', label: 'Báo Nghệ An', kind: 'newspaper', province: 'Nghệ An' },
  { domain: 'baohatinh.vn', label: 'Báo Hà Tĩnh', kind: 'newspaper', province: 'Hà Tĩnh' },
  { domain: 'baothuathienhue.vn', label: 'Báo Thừa Thiên Huế', kind: 'newspaper', province: 'Huế' },
  { domain: 'baodanang.vn', label: 'Báo Đà Nẵng', kind: 'newspaper', province: 'Đà Nẵng' },
  { domain: 'baoquangnam.vn', label: 'Báo Quảng Nam', kind: 'newspaper', province: 'Quảng Nam' },
  { domain: 'baokhanhhoa.vn', label: 'Báo Khánh Hòa', kind: 'newspaper', province: 'Khánh Hòa' },
  { domain: 'baogialai.com.vn', label: 'Báo Gia Lai', kind: 'newspaper', province: 'Gia Lai' },
  { domain: 'baodaklak.vn', label: 'Báo Đắk Lắk', kind: 'newspaper', province: 'Đắk Lắk' },
  { domain: 'baolamdong.vn', label: 'Báo Lâm Đồng', kind: 'newspaper', province: 'Lâm Đồng' },
  { domain: 'baobinhphuoc.com.vn', label: 'Báo Bình Phước', kind: 'newspaper', province: 'Bình Phước' },
  { domain: 'baodongnai.com.vn', label: 'Báo Đồng Nai', kind: 'newspaper', province: 'Đồng Nai' },
  { domain: 'baobinhduong.vn', label: 'Báo Bình Dương', kind: 'newspaper', province: 'Bình Dương' },
  { domain: 'baobariavungtau.com.vn', label: 'Báo Bà Rịa - Vũng Tàu', kind: 'newspaper', province: 'Bà Rịa - Vũng Tàu' },
  { domain: 'sggp.org.vn', label: 'Báo Sài Gòn Giải Phóng', kind: 'newspaper', province: 'TP. Hồ Chí Minh' },
  { domain: 'baotayninh.vn', label: 'Báo Tây Ninh', kind: 'newspaper', province: 'Tây Ninh' },
  { domain: 'baolongan.vn', label: 'Báo Long An', kind: 'newspaper', province: 'Long An' },
  { domain: 'baodongthap.vn', label: 'Báo Đồng Tháp', kind: 'newspaper', province: 'Đồng Tháp' },
  { domain: 'baoangiang.com.vn', label: 'Báo An Giang', kind: 'newspaper', province: 'An Giang' },
  { domain: 'baocantho.com.vn', label: 'Báo Cần Thơ', kind: 'newspaper', province: 'Cần Thơ' },
  { domain: 'baocamau.vn', label: 'Báo Cà Mau', kind: 'newspaper', province: 'Cà Mau' },

  // Party-committee sites. Provincial party committees (Tỉnh ủy / Thành ủy) and
  // their boards publish under dcs.vn, e.g. thainguyen.dcs.vn, tuyenquang.dcs.vn.
  { domain: 'dcs.vn', label: 'Cổng thông tin Đảng bộ (dcs.vn)', kind: 'party' },
  { domain: 'dangcongsan.vn', label: 'Báo điện tử Đảng Cộng sản Việt Nam', kind: 'party' },
  { domain: 'hcmcpv.org.vn', label: 'Đảng bộ TP. Hồ Chí Minh', kind: 'party', province: 'TP. Hồ Chí Minh' },
  { domain: 'xaydungdang.org.vn', label: 'Tạp chí Xây dựng Đảng', kind: 'party' },
];
