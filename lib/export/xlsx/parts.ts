/**
 * The fixed parts of an XLSX package (ECMA-376 Part 1, SpreadsheetML) around the
 * worksheets: content types, relationships, workbook, styles, core properties. Kept
 * to what Excel, LibreOffice and Numbers need to open the file without repair.
 */
import { attrXml, escapeXml } from './xml.ts';

export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Cell styles (indexes into cellXfs below). */
export const STYLE = {
  normal: 0,
  header: 1,
  date: 2,
  dateTime: 3,
  link: 4,
  integer: 5,
  decimal: 6,
} as const;

export function contentTypes(sheets: number): string {
  const overrides = [
    ['/xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'],
    ['/xl/styles.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml'],
    ['/xl/sharedStrings.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml'],
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ...Array.from({ length: sheets }, (_, i) => [`/xl/worksheets/sheet${i + 1}.xml`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml']),
  ];
  return (
    XML_DECL +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join('') +
    '</Types>'
  );
}

export function rootRels(): string {
  return (
    XML_DECL +
    `<Relationships xmlns="${NS_PKG_REL}">` +
    `<Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    '</Relationships>'
  );
}

export function coreProps(createdIso: string): string {
  return (
    XML_DECL +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    '<dc:creator>Trích Lục</dc:creator>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${escapeXml(createdIso)}</dcterms:created>` +
    '</cp:coreProperties>'
  );
}

export interface SheetEntry {
  name: string;
  /** The autofilter range, e.g. "A1:O1001". */
  filterRef: string;
}

/** The workbook: its sheets, and the hidden names Excel keeps each autofilter's range in. */
export function workbook(sheets: readonly SheetEntry[]): string {
  const absolute = (ref: string) => ref.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
  return (
    XML_DECL +
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    '<bookViews><workbookView activeTab="0"/></bookViews><sheets>' +
    sheets.map((s, i) => `<sheet name="${attrXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    '</sheets><definedNames>' +
    sheets
      .map((s, i) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${escapeXml(s.name.replace(/'/g, "''"))}'!${absolute(s.filterRef)}</definedName>`)
      .join('') +
    '</definedNames></workbook>'
  );
}

export function workbookRels(sheets: number): string {
  return (
    XML_DECL +
    `<Relationships xmlns="${NS_PKG_REL}">` +
    Array.from({ length: sheets }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_TYPE}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
    `<Relationship Id="rId${sheets + 1}" Type="${REL_TYPE}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${sheets + 2}" Type="${REL_TYPE}/sharedStrings" Target="sharedStrings.xml"/>` +
    '</Relationships>'
  );
}

/**
 * Styles. Dates use explicit day-month-year formats (Vietnamese order); integers the
 * built-in grouped format 3 ("#,##0"), which Excel shows with the reader's own
 * separators ("1.640.000" in Vietnamese, "1,640,000" in English): display only, the
 * stored value is the number.
 */
export function styles(): string {
  return (
    XML_DECL +
    `<styleSheet xmlns="${NS_MAIN}">` +
    '<numFmts count="3">' +
    '<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>' +
    '<numFmt numFmtId="165" formatCode="dd/mm/yyyy hh:mm"/>' +
    '<numFmt numFmtId="166" formatCode="#,##0.##########"/>' +
    '</numFmts>' +
    '<fonts count="3">' +
    '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
    '<font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="Calibri"/><family val="2"/></font>' +
    '</fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="7">' +
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
    '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '</cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

export function sheetRels(links: ReadonlyMap<string, string>): string {
  let out = XML_DECL + `<Relationships xmlns="${NS_PKG_REL}">`;
  for (const [url, id] of links) out += `<Relationship Id="${id}" Type="${REL_TYPE}/hyperlink" Target="${attrXml(url)}" TargetMode="External"/>`;
  return out + '</Relationships>';
}

export function sharedStrings(strings: readonly string[], count: number): string {
  return XML_DECL + `<sst xmlns="${NS_MAIN}" count="${count}" uniqueCount="${strings.length}">` + strings.join('') + '</sst>';
}
