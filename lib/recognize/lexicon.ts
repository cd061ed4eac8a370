/**
 * Word lists the recognizer walks, kept apart from the code that walks them (the
 * eyecite split): adding a document type, a unit or a counted noun is a data change.
 * Every entry is NFC and lower-case unless it says otherwise; look-ups lower-case
 * the text first.
 */
import type { DocType, Qualifier, Quantity } from './types';

/** Type words as written (lower-case) → canonical type. Multi-word forms use one space. */
export const DOC_TYPE_WORDS: ReadonlyMap<string, DocType> = new Map<string, DocType>([
  ['quyết định', 'Quyết định'],
  ['nghị quyết', 'Nghị quyết'],
  ['nghị quyết liên tịch', 'Nghị quyết liên tịch'],
  ['nghị định', 'Nghị định'],
  ['chỉ thị', 'Chỉ thị'],
  ['thông tư', 'Thông tư'],
  ['thông tư liên tịch', 'Thông tư liên tịch'],
  ['kế hoạch', 'Kế hoạch'],
  ['chương trình', 'Chương trình'],
  ['kết luận', 'Kết luận'],
  ['hướng dẫn', 'Hướng dẫn'],
  ['quy định', 'Quy định'],
  ['qui định', 'Quy định'],
  ['quy chế', 'Quy chế'],
  ['qui chế', 'Quy chế'],
  ['thông báo', 'Thông báo'],
  ['công văn', 'Công văn'],
  ['công điện', 'Công điện'],
  ['tờ trình', 'Tờ trình'],
  ['báo cáo', 'Báo cáo'],
  ['đề án', 'Đề án'],
  ['phương án', 'Phương án'],
  ['dự án', 'Dự án'],
  ['luật', 'Luật'],
  ['bộ luật', 'Bộ luật'],
  ['pháp lệnh', 'Pháp lệnh'],
  ['hiến pháp', 'Hiến pháp'],
  ['lệnh', 'Lệnh'],
  ['thông tri', 'Thông tri'],
  // "Văn bản số 1234/UBND-KT" cites an official letter.
  ['văn bản', 'Công văn'],
  // Abbreviated type words of commune and district reports: "CV số 125/UBND-VP",
  // "QĐ số 45/QĐ-UBND", "KH số 12/KH-UBND".
  ['cv', 'Công văn'],
  ['qđ', 'Quyết định'],
  ['nq', 'Nghị quyết'],
  ['kh', 'Kế hoạch'],
  ['tb', 'Thông báo'],
  ['bc', 'Báo cáo'],
  ['hd', 'Hướng dẫn'],
]);

/** The longest type word, in syllables: bounds the backward look-up. */
export const DOC_TYPE_MAX_SYLLABLES = 4;

/**
 * Symbol abbreviations → type, for codes cited without a type word ("theo 3341/KH-UBND").
 * Compared as written first; the `upper` set may also match case-insensitively because
 * its upper-case form is unambiguous (CT/CTr, TT/TTr, QĐ/QyĐ are not).
 */
export const SYMBOL_TYPES: ReadonlyMap<string, DocType> = new Map<string, DocType>([
  ['QĐ', 'Quyết định'],
  ['NQ', 'Nghị quyết'],
  ['NQLT', 'Nghị quyết liên tịch'],
  ['NĐ', 'Nghị định'],
  ['CT', 'Chỉ thị'],
  ['TT', 'Thông tư'],
  ['TTLT', 'Thông tư liên tịch'],
  ['KH', 'Kế hoạch'],
  ['CTr', 'Chương trình'],
  ['KL', 'Kết luận'],
  ['HD', 'Hướng dẫn'],
  ['QyĐ', 'Quy định'],
  ['QC', 'Quy chế'],
  ['TB', 'Thông báo'],
  ['CĐ', 'Công điện'],
  ['TTr', 'Tờ trình'],
  ['BC', 'Báo cáo'],
  ['ĐA', 'Đề án'],
  ['PA', 'Phương án'],
  ['L', 'Lệnh'],
  ['TTri', 'Thông tri'],
  // The Party's official letters: "1234-CV/TU".
  ['CV', 'Công văn'],
]);
export const SYMBOL_TYPES_CASE_FREE: ReadonlySet<string> = new Set([
  'QĐ', 'NQ', 'NQLT', 'NĐ', 'TTLT', 'KH', 'KL', 'HD', 'QC', 'TB', 'CĐ', 'BC', 'ĐA', 'PA', 'CV',
]);

/** Types that a Party "QĐ" symbol may stand for: the type word decides. */
export const QD_TYPES: ReadonlySet<DocType> = new Set<DocType>(['Quyết định', 'Quy định']);

/** Named instruments cited by name and year ("Luật Dân chủ cơ sở năm 2022"). */
export const NAMED_DOC_WORDS: ReadonlyMap<string, DocType> = new Map<string, DocType>([
  ['luật', 'Luật'],
  ['bộ luật', 'Bộ luật'],
  ['hiến pháp', 'Hiến pháp'],
  ['pháp lệnh', 'Pháp lệnh'],
]);

/** Words that end an issuer phrase ("của UBND tỉnh Bình Phước về việc …"). */
export const ISSUER_STOP_WORDS: ReadonlySet<string> = new Set([
  'về', 'để', 'trong', 'nhằm', 'tại', 'theo', 'đã', 'với', 'và', 'thì', 'cho', 'là', 'được',
  'có', 'đến', 'từ', 'khi', 'nay', 'này', 'ngày', 'số', 'năm', 'đối', 'đang', 'sẽ', 'cũng',
  'gồm', 'trên', 'nên', 'mà', 'như', 'sau', 'trước', 'thuộc', 'phê', 'giao', 'ký',
  'bằng', 'nhưng', 'hoặc', 'hay', 'các', 'những', 'vào', 'lúc', 'yêu', 'gửi',
]);
/**
 * Two-word stops where the first word alone is not one: the spec's "ban hành", "quy
 * định", "hướng dẫn", and the verbs a sentence goes on with after its issuer ("của UBND
 * tỉnh đề nghị…"). Single syllables of these ("đồng", "triển", "thông") are parts of
 * issuers' names too: "Hội đồng nhân dân", "Quỹ Đầu tư phát triển", "Bộ Giao thông vận tải".
 */
export const ISSUER_STOP_PAIRS: ReadonlySet<string> = new Set([
  'ban hành', 'quy định', 'qui định', 'hướng dẫn', 'thực hiện', 'chỉ đạo', 'phê duyệt',
  'bổ sung', 'sửa đổi', 'thông qua', 'triển khai', 'tiếp tục', 'đồng ý', 'đồng thời',
  'đề nghị', 'công nhận', 'thành lập', 'kiện toàn', 'phân bổ', 'chấp thuận', 'điều chỉnh',
  'tổ chức', 'thông báo', 'kết luận', 'quyết định', 'phát động', 'đánh giá', 'chủ trì',
  'công bố', 'hỗ trợ', 'xác định', 'áp dụng', 'tăng cường', 'đẩy mạnh', 'nâng cao',
]);
/**
 * Heads of organisation names: the word after one is part of the name whatever it
 * would mean alone ("Ban Chỉ đạo", "Ban chỉ đạo", "Ban Tổ chức", "Hội đồng").
 */
export const ISSUER_NAME_HEADS: ReadonlySet<string> = new Set([
  'ban', 'hội', 'bộ', 'sở', 'cục', 'viện', 'quỹ', 'phòng', 'tổng', 'ủy', 'uỷ', 'đảng', 'văn',
]);

/** What a word (or a phrase of up to three words) after a number says about it. */
export type UnitDef =
  | { type: 'scale'; multiplier: number }
  | { type: 'currency'; unit: string }
  | { type: 'measure'; quantity: Quantity; unit: string }
  | { type: 'duration'; unit: string };

const scale = (multiplier: number): UnitDef => ({ type: 'scale', multiplier });
const currency = (unit: string): UnitDef => ({ type: 'currency', unit });
const measure = (quantity: Quantity, unit: string): UnitDef => ({ type: 'measure', quantity, unit });
const duration = (unit: string): UnitDef => ({ type: 'duration', unit });

/**
 * Unit phrases, lower-case, words separated by one space (a hyphenated spelling such
 * as "héc-ta" is one word). Measures are canonicalised per the spec.
 */
export const UNIT_PHRASES: ReadonlyMap<string, UnitDef> = new Map<string, UnitDef>([
  ['nghìn tỷ', scale(1e12)],
  ['ngàn tỷ', scale(1e12)],
  ['nghìn tỉ', scale(1e12)],
  ['ngàn tỉ', scale(1e12)],
  ['nghìn', scale(1e3)],
  ['ngàn', scale(1e3)],
  ['vạn', scale(1e4)],
  ['triệu', scale(1e6)],
  ['tr', scale(1e6)], // "150 tr đồng" in commune reports
  ['tỷ', scale(1e9)],
  ['tỉ', scale(1e9)],
  ['đồng', currency('VND')],
  ['đ', currency('VND')],
  ['vnđ', currency('VND')],
  ['vnd', currency('VND')],
  ['usd', currency('USD')],
  ['đô la mỹ', currency('USD')],
  ['đô-la mỹ', currency('USD')],
  ['đôla mỹ', currency('USD')],
  ['đô la', currency('USD')],
  ['eur', currency('EUR')],
  ['euro', currency('EUR')],
  ['phần trăm', measure('percent', '%')],
  // "giảm 0,8 điểm phần trăm": a change in percentage points, read as a percent figure.
  ['điểm phần trăm', measure('percent', '%')],
  ['ha', measure('area', 'ha')],
  ['hecta', measure('area', 'ha')],
  ['héc-ta', measure('area', 'ha')],
  ['héc ta', measure('area', 'ha')],
  ['hécta', measure('area', 'ha')],
  ['m2', measure('area', 'm2')],
  ['m²', measure('area', 'm2')],
  ['mét vuông', measure('area', 'm2')],
  ['km2', measure('area', 'km2')],
  ['km²', measure('area', 'km2')],
  ['ki-lô-mét vuông', measure('area', 'km2')],
  ['km', measure('length', 'km')],
  ['ki-lô-mét', measure('length', 'km')],
  ['cây số', measure('length', 'km')],
  ['m', measure('length', 'm')],
  ['mét', measure('length', 'm')],
  ['cm', measure('length', 'cm')],
  ['mm', measure('length', 'mm')],
  ['kg', measure('mass', 'kg')],
  ['ki-lô-gam', measure('mass', 'kg')],
  ['tấn', measure('mass', 'tấn')],
  ['tạ', measure('mass', 'tạ')],
  ['yến', measure('mass', 'yến')],
  ['m3', measure('volume', 'm3')],
  ['m³', measure('volume', 'm3')],
  ['mét khối', measure('volume', 'm3')],
  ['lít', measure('volume', 'lít')],
  ['mw', measure('energy', 'MW')],
  ['kw', measure('energy', 'kW')],
  ['gw', measure('energy', 'GW')],
  ['kwh', measure('energy', 'kWh')],
  ['mwh', measure('energy', 'MWh')],
  ['gwh', measure('energy', 'GWh')],
  ['kwp', measure('energy', 'kWp')],
  ['mwp', measure('energy', 'MWp')],
  // Time words: a number before them is a duration (optional in the spec), never a count.
  ['ngày', duration('ngày')],
  ['tháng', duration('tháng')],
  ['năm', duration('năm')],
  ['giờ', duration('giờ')],
  ['phút', duration('phút')],
  ['giây', duration('giây')],
  ['tuần', duration('tuần')],
  ['quý', duration('quý')],
  ['thế kỷ', duration('thế kỷ')],
]);

/** Units that may be glued to the number ("12.860m", "6m", "500.000đ", "30%"). */
export const GLUED_UNITS: ReadonlySet<UnitDef['type']> = new Set(['measure', 'currency']);

export const QUALIFIERS: ReadonlyMap<string, Qualifier> = new Map<string, Qualifier>([
  ['khoảng', 'approx'],
  ['gần', 'approx'],
  ['ước', 'approx'],
  ['ước đạt', 'approx'],
  ['ước tính', 'approx'],
  ['ước khoảng', 'approx'],
  ['xấp xỉ', 'approx'],
  ['chừng', 'approx'],
  ['trên', 'over'],
  ['hơn', 'over'],
  ['vượt', 'over'],
  ['dưới', 'under'],
  ['chưa đến', 'under'],
  ['chưa tới', 'under'],
  ['tối thiểu', 'atLeast'],
  ['ít nhất', 'atLeast'],
  ['tối đa', 'atMost'],
  ['nhiều nhất', 'atMost'],
  ['không quá', 'atMost'],
  ['không dưới', 'atLeast'],
]);

export const CHANGE_WORDS: ReadonlyMap<string, 'increase' | 'decrease'> = new Map([
  ['tăng', 'increase'],
  ['giảm', 'decrease'],
]);
/** Words allowed between a change word and its number ("tăng thêm 5%", "giảm bình quân 1,2%"). */
export const CHANGE_FILLERS: ReadonlySet<string> = new Set([
  'thêm', 'được', 'bình', 'quân', 'trung',
  // "tăng mạnh 15,1%", "giảm nhẹ 0,1%", "tăng tới 8%", "tăng lần lượt 5%", "giảm tương ứng 1,2%"
  // ("tăng từ 1,8 triệu" names where it started: "từ" is read before a range only, figures.ts)
  'mạnh', 'nhẹ', 'cao', 'sâu', 'tới', 'đến', 'lần', 'lượt', 'tương', 'ứng',
]);

/**
 * Words that make the number after them a label, not a quantity: "Điều 65",
 * "khoản 2", "năm 2021", "lần thứ 3", "thôn 5", "Quận 1". Vietnamese counts put the
 * number before the noun; a noun before the number names something.
 */
export const LABEL_WORDS: ReadonlySet<string> = new Set([
  'điều', 'khoản', 'điểm', 'mục', 'chương', 'phần', 'tiết', 'biểu', 'bảng', 'hình', 'trang',
  'thứ', 'lần', 'khóa', 'khoá', 'kỳ', 'đợt', 'năm', 'tháng', 'ngày', 'quý', 'tuần', 'giờ',
  'tổ', 'khu', 'thôn', 'ấp', 'khóm', 'xóm', 'buôn', 'bản', 'phường', 'quận', 'đường', 'hẻm',
  'ngõ', 'ngách', 'kiệt', 'km', 'tầng', 'phòng', 'lớp', 'khối', 'hạng', 'loại', 'đội',
  'lô', 'thửa', 'tờ', 'kênh', 'cổng', 'mã', 'covid', 'lúc', 'số', 'nhà', 'ql', 'đt', 'tl', 'hl', 'dt',
  'vòng', 'bảng', 'phiên', 'tập', 'cụm', 'tuyến', 'trạm', 'sư', 'quân', 'đoàn', 'vùng',
  'top', 'câu', 'bài', 'clip', 'video', 'ảnh', 'tháng', 'version', 'phiên bản',
]);
/** Pairs ending in a label word that do not make a label ("tổng số 1.639 cụm"). */
export const NOT_LABEL_PAIRS: ReadonlySet<string> = new Set([
  'tổng số', 'với số', 'có số', 'là số', 'dân số', 'bình quân',
  // "vùng nông thôn 100.000 đồng": "thôn" ends a common noun here, it names no hamlet.
  'nông thôn',
  // "mỗi tháng 500.000 đồng", "hằng năm 2 triệu đồng": a rate, the time word names nothing.
  'mỗi năm', 'mỗi tháng', 'mỗi ngày', 'mỗi tuần', 'mỗi quý', 'mỗi giờ', 'mỗi đợt', 'mỗi lần',
  'mỗi kỳ', 'hằng năm', 'hằng tháng', 'hằng ngày', 'hằng tuần', 'hằng quý', 'hàng năm',
  'hàng tháng', 'hàng ngày', 'hàng tuần', 'hàng quý',
  // Verbs ending in a label word: "quy tập 41 ngôi mộ" (gathered), "học tập".
  'quy tập', 'học tập', 'luyện tập',
]);
export const LABEL_PAIRS: ReadonlySet<string> = new Set([
  'giai đoạn', 'khu phố', 'nhiệm kỳ', 'quốc lộ', 'tỉnh lộ', 'hương lộ', 'lần thứ', 'số nhà',
  'phụ lục', 'thế kỷ', 'tổ dân', 'dân phố', 'khu vực', 'tiểu khu', 'khu dân', 'dân cư',
  'sư đoàn', 'quân đoàn', 'quân khu', 'trung đoàn', 'tiểu đoàn', 'đại đội', 'cao tốc',
  'trung ương', // "Hội nghị Trung ương 4": the fourth plenum
]);
/**
 * Pairs that make a label only when capitalised: a document or programme named by its
 * bare number ("Nghị quyết 68 hỗ trợ…", "Chương trình 135", "Đề án 06"). In lower case
 * most are verbs too ("đã quyết định 3 nội dung", "thông báo 12 ca mắc mới").
 */
export const NAME_LABEL_PAIRS: ReadonlySet<string> = new Set([
  'nghị quyết', 'quyết định', 'nghị định', 'chỉ thị', 'thông tư', 'kết luận', 'chương trình',
  'đề án', 'công văn', 'công điện', 'thông báo',
]);

/**
 * Counted nouns of two syllables (lower-case) that are one word ("doanh nghiệp"),
 * so the unit keeps both; anything else keeps its first syllable, the head noun
 * ("hộ nghèo" → "hộ", "dịch vụ công" → "dịch vụ").
 */
export const COUNT_COMPOUNDS: ReadonlySet<string> = new Set([
  'doanh nghiệp', 'hợp tác', 'lao động', 'nhân khẩu', 'hài cốt', 'phần quà', 'suất quà',
  'dịch vụ', 'công trình', 'lĩnh vực', 'danh mục', 'nhu cầu', 'đảng viên', 'học sinh',
  'sinh viên', 'cán bộ', 'công chức', 'viên chức', 'hội viên', 'đoàn viên', 'thành viên',
  'đại biểu', 'cử tri', 'giáo viên', 'bác sĩ', 'bệnh nhân', 'trường hợp', 'đối tượng',
  'tiêu chí', 'chỉ tiêu', 'nhiệm vụ', 'giải pháp', 'mô hình', 'sản phẩm', 'hồ sơ', 'thủ tục',
  'văn bản', 'ý kiến', 'kiến nghị', 'đơn vị', 'cơ sở', 'cơ quan', 'tổ chức', 'gia đình',
  'căn nhà', 'ngôi nhà', 'con em', 'thanh niên', 'phụ nữ', 'trẻ em', 'người dân',
  'lượt người', 'lượt khách', 'du khách', 'khách hàng', 'tài khoản', 'hội nghị', 'lớp học',
  'phòng học', 'trường học', 'thôn bản', 'bản làng', 'chi bộ', 'đảng bộ', 'tổ đảng',
  'dự án', 'đề án', 'chương trình', 'kế hoạch', 'đề tài', 'sáng kiến', 'tác phẩm',
  'điểm trường', 'giường bệnh', 'chiến sĩ', 'hội viên', 'nông dân', 'ngư dân', 'công nhân',
  'tình nguyện', 'tuyến đường', 'cây số', 'con giống', 'cây giống', 'gia súc', 'gia cầm',
  'tập thể', 'cá nhân', 'bằng khen', 'giấy khen', 'huân chương', 'kỷ niệm', 'di tích',
  'lễ hội', 'sự kiện', 'vụ việc', 'vụ án', 'bị can', 'đối tượng', 'phương tiện',
  'xe máy', 'ô tô', 'tàu cá', 'mặt hàng', 'thương nhân', 'tiểu thương', 'cửa hàng',
  'nhà máy', 'làng nghề', 'hợp đồng', 'giấy phép',
  'bệnh viện', 'nhà ở', 'hộ dân', 'ca bệnh', 'ca mắc',
  'mũi tiêm', 'tin bài', 'phóng sự', 'bản tin', 'chuyên mục', 'cuộc họp',
  'doanh thu', 'dân tộc', 'tôn giáo', 'học viên', 'nội dung',
  'vấn đề', 'cuộc thi', 'giải thưởng', 'công ty', 'gian hàng', 'địa phương', 'đồng chí',
  'đồng bào', 'con đường', 'cây xanh', 'căn hộ', 'cá thể', 'tổ hợp', 'lượt xe',
  'đảng ủy', 'chi hội', 'đầu mối', 'quy định', 'bản án', 'phiên tòa', 'ngày công', 'tin nhắn',
  'cuộc gọi', 'bài viết', 'thủ tục', 'dịch bệnh', 'điểm cầu', 'lao động', 'học bổng',
  'biên chế', 'ủy viên', 'uỷ viên', 'nhân viên', 'nhân công', 'thẩm phán', 'tiết mục', 'việc làm',
  'chứng chỉ', 'máy tính', 'phong trào', 'phản ánh', 'hoạt động',
  // First syllables that say nothing alone ("120 thí sinh", not "120 thí").
  'thí sinh', 'huy chương', 'hành khách', 'phân khu', 'tiểu khu', 'khu phố', 'hạng mục',
  'gói thầu', 'tàu thuyền', 'công dân', 'xã viên',
  // Administrative units whose head syllable alone is wrong ("2 thị", "3 thành").
  'thành phố', 'thị xã', 'thị trấn',
  // Documents counted ("ban hành 12 nghị quyết, 8 chỉ thị"): the type word is the noun.
  'nghị quyết', 'nghị định', 'quyết định', 'chỉ thị', 'thông tư', 'kết luận', 'thông báo',
  'công văn', 'công điện', 'báo cáo', 'tờ trình', 'hướng dẫn', 'quy chế', 'phương án',
  'thông tri', 'pháp lệnh',
  'khách sạn', 'ca nô', 'điều dưỡng', 'y sĩ', 'y tá',
]);

/**
 * Two-syllable words never counted by the number before them: nouns that name a measure
 * of a thing, the number belonging to a name ("Thủy điện Sông Bung 4 công suất 156 MW"),
 * and words that begin with a unit without being one ("40 đồng ý": votes, not đồng).
 */
export const NOT_COUNT_PAIRS: ReadonlySet<string> = new Set([
  'công suất', 'diện tích', 'dung tích', 'chiều dài', 'chiều rộng', 'chiều cao', 'trọng tải',
  'tải trọng', 'sản lượng', 'giá trị', 'kinh phí', 'tổng vốn', 'tổng mức',
  'đồng ý', 'đồng thời', 'đồng tình', 'đồng loạt', 'đồng hành', 'đồng bộ',
]);

/** Three-syllable counted nouns that are one word ("hợp tác xã"). */
export const COUNT_TRIPLES: ReadonlySet<string> = new Set([
  'hợp tác xã', 'câu lạc bộ', 'hộ gia đình', 'khu công nghiệp', 'cụm công nghiệp', 'trạm y tế',
  'nhà văn hóa', 'nhà văn hoá', 'chợ đầu mối', 'liều vắc xin', 'lượt truy cập', 'buổi làm việc',
  'đoàn công tác', 'hộ kinh doanh', 'khu dân cư', 'tổ dân phố', 'vận động viên', 'tiểu dự án',
  'khu kinh tế', 'khu chế xuất', 'ấp văn hóa', 'giấy chứng nhận', 'hướng dẫn viên',
  'tình nguyện viên', 'cựu chiến binh', 'thanh thiếu niên', 'kiểm sát viên', 'y bác sĩ',
  // "tổ" alone is no count ("tổ chức" is one word): its groups are named in full.
  'tổ công tác', 'tổ hòa giải', 'tổ tự quản', 'tổ hợp tác',
]);

/**
 * Classifiers: words that say what kind of thing is counted, not what it is ("41 ngôi
 * mộ", "25 con bò", "3 chiếc xe"). Alone they mean nothing, so the counted noun is the
 * classifier with the noun after it.
 */
export const CLASSIFIERS: ReadonlySet<string> = new Set([
  'con', 'chiếc', 'cái', 'cây', 'căn', 'ngôi', 'tấm', 'bức', 'quyển', 'cuốn', 'tờ', 'quả',
  'trái', 'sợi', 'mảnh', 'thửa', 'ngọn', 'tòa', 'toà', 'pho', 'bộ', 'đôi', 'cặp',
  'lá', 'hạt', 'củ', 'bông',
]);

/** One-syllable counted nouns we trust even where a date or a year could be read. */
export const COUNT_HEADS: ReadonlySet<string> = new Set([
  'hộ', 'người', 'xã', 'phường', 'thị', 'huyện', 'tỉnh', 'thôn', 'ấp', 'bản', 'làng', 'xóm',
  'khu', 'tổ', 'cuộc', 'lượt', 'vụ', 'trường', 'lớp', 'em', 'cháu', 'suất', 'phần', 'chiếc',
  'căn', 'ngôi', 'nhà', 'con', 'cây', 'tấm', 'bộ', 'bài', 'tin', 'ca', 'đơn', 'thư', 'hồ',
  'dự', 'đề', 'mô', 'đoàn', 'đội', 'nhóm', 'cụm', 'loa', 'ngõ', 'tuyến', 'bậc', 'điểm',
  'lần', 'ý', 'câu', 'cơ', 'đơn', 'hội', 'xe', 'tàu', 'thuyền', 'công', 'học', 'sinh',
  'bệnh', 'giường', 'trạm', 'chợ', 'tuổi', 'mẫu', 'sào', 'chi', 'đảng', 'gói', 'túi', 'bao',
  'thùng', 'liều', 'mũi', 'bình', 'bộ', 'kiện', 'dãy', 'phòng', 'khoa', 'ban', 'sở', 'ngành',
  'đầu', 'hạng', 'gian', 'tầng', 'ô', 'lô', 'thửa', 'hecta', 'km', 'hộp', 'trang', 'cuốn',
  'quyển', 'bức', 'giải', 'huy', 'cúp', 'lượng', 'học', 'khách',
]);

/**
 * Words that follow a number without being what it counts (function words, verbs,
 * adjectives): the number before them is no figure on its own.
 */
export const NOT_COUNT_WORDS: ReadonlySet<string> = new Set([
  'và', 'với', 'của', 'cho', 'tại', 'trong', 'trên', 'dưới', 'ngoài', 'là', 'được', 'bị',
  'đã', 'đang', 'sẽ', 'có', 'không', 'chưa', 'đạt', 'tăng', 'giảm', 'so', 'từ', 'đến', 'tới',
  'theo', 'để', 'thì', 'mà', 'nhưng', 'hoặc', 'hay', 'như', 'này', 'đó', 'kia', 'nào', 'khi',
  'sau', 'trước', 'lên', 'xuống', 'ra', 'vào', 'về', 'qua', 'cùng', 'bằng', 'thuộc', 'gồm',
  'trở', 'nữa', 'rồi', 'còn', 'vẫn', 'cũng', 'đều', 'chỉ', 'lại', 'nên', 'vì', 'do', 'nếu',
  'ở', 'ấy', 'hết', 'nhằm', 'thêm', 'đi', 'mới', 'vừa', 'xong', 'liền', 'luôn', 'ngay',
  'nhất', 'các', 'những', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín',
  'mười', 'trăm', 'lẻ', 'linh', 'rưỡi', 'tặng', 'trao', 'cấp', 'chiếm', 'tương', 'bình',
  'đối', 'nhân', 'kể', 'tính', 'thành', 'trừ', 'tổng', 'gấp', 'phải', 'cần', 'nay', 'đây',
  'hiện', 'tiếp', 'thực', 'triển', 'hoàn', 'tham', 'tổ', 'ký', 'ban', 'phê', 'phát',
  // "1 số đơn vị" (một số: some), "cơ chế 1 cửa" (one-stop): not counts.
  'số', 'cửa',
  'trung', 'chính', 'cao', 'thấp', 'lớn', 'nhỏ', 'mạnh', 'tốt', 'khá', 'trung', 'yếu',
  'đầu', 'cuối', 'giữa', 'bên', 'tất', 'mọi', 'nhiều', 'ít', 'toàn', 'riêng', 'chung',
  'đầy', 'đủ', 'xin', 'mời', 'thưa', 'ạ', 'nhé', 'ơi', 'à', 'ư', 'hả', 'chứ', 'sao',
  'trong', 'thời', 'hạn', 'dự', 'kiến', 'ước',
  // Dimensions said after a name's number ("cầu Trà Khúc 3 dài 1.380 m"): no noun.
  'dài', 'rộng', 'sâu', 'dày', 'nặng', 'cách',
  // First syllables of verbs ("hỗ trợ").
  'hỗ', 'đánh',
]);
