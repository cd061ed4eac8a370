import type { Translate } from '../i18n';
import type { Change, DocumentEntity, Entity, FigureEntity, Qualifier, Quantity } from '../recognize/types';

/**
 * Entities as people read them: labelled fields for the card and the popup, and the
 * text the copy button puts on the clipboard. Pure: the caller passes the
 * translation function and the UI locale.
 */
export interface Field {
  label: string;
  value: string;
}

/** Message names for quantities and qualifiers: shared by the card, popup and library. */
export const QUANTITY_MESSAGE = {
  money: 'quantityMoney',
  percent: 'quantityPercent',
  area: 'quantityArea',
  length: 'quantityLength',
  mass: 'quantityMass',
  volume: 'quantityVolume',
  energy: 'quantityEnergy',
  count: 'quantityCount',
  ratio: 'quantityRatio',
  rank: 'quantityRank',
  duration: 'quantityDuration',
} as const satisfies Record<Quantity, string>;

export const QUALIFIER_MESSAGE = {
  approx: 'qualifierApprox',
  over: 'qualifierOver',
  under: 'qualifierUnder',
  atLeast: 'qualifierAtLeast',
  atMost: 'qualifierAtMost',
} as const satisfies Record<Qualifier, string>;

const CHANGE_MESSAGE = {
  increase: 'changeIncrease',
  decrease: 'changeDecrease',
} as const satisfies Record<Change, string>;

/**
 * Figures are Vietnamese statistics, so their numbers are written the Vietnamese
 * way ("1.640.000.000.000", "0,43") whatever the UI language, as the article does.
 */
const VI_NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 });

export function formatNumber(value: number): string {
  return VI_NUMBER.format(value);
}

/** "2020-12-28" → "28/12/2020", the form Vietnamese citations use. */
export function viDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** A date for the UI, spelled out ("28 tháng 12, 2020", "December 28, 2020") so that no reader swaps day and month. */
export function formatDate(iso: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  } catch {
    return viDate(iso);
  }
}

/** A published timestamp (ISO 8601 with offset) for the UI, in the page's own time zone offset. */
export function formatPublished(iso: string, locale: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!m) return iso;
  const day = formatDate(m[1]!, locale);
  return m[2] === '00' && m[3] === '00' ? day : `${day} ${m[2]}:${m[3]}`;
}

function documentFields(doc: DocumentEntity, t: Translate, locale: string): Field[] {
  const fields: [string, string | number | null][] = [
    [t('fieldDocType'), doc.docType],
    [t('fieldCode'), doc.code],
    [t('fieldNumber'), doc.number],
    [t('fieldYear'), doc.year],
    [t('fieldDate'), doc.date && formatDate(doc.date, locale)],
    [t('fieldIssuer'), doc.issuer],
  ];
  return fields.filter((f): f is [string, string | number] => f[1] !== null && f[1] !== '').map(([label, value]) => ({
    label,
    value: String(value),
  }));
}

function figureFields(fig: FigureEntity, t: Translate): Field[] {
  const fields: Field[] = [{ label: t('fieldValue'), value: formatNumber(fig.value) }];
  if (fig.unit) fields.push({ label: t('fieldUnit'), value: fig.unit });
  fields.push({ label: t('fieldQuantity'), value: t(QUANTITY_MESSAGE[fig.quantity]) });
  if (fig.qualifier) fields.push({ label: t('fieldQualifier'), value: t(QUALIFIER_MESSAGE[fig.qualifier]) });
  if (fig.change) fields.push({ label: t('fieldChange'), value: t(CHANGE_MESSAGE[fig.change]) });
  if (fig.denominator !== null) fields.push({ label: t('fieldDenominator'), value: formatNumber(fig.denominator) });
  if (fig.valueTo !== null) {
    fields.push({ label: t('fieldRange'), value: `${formatNumber(fig.value)} – ${formatNumber(fig.valueTo)}` });
  }
  return fields;
}

/** The entity's parsed fields, labelled, in reading order; empty fields left out. */
export function entityFields(entity: Entity, t: Translate, locale: string): Field[] {
  return entity.kind === 'document' ? documentFields(entity, t, locale) : figureFields(entity, t);
}

/**
 * A document cited the way Vietnamese documents cite each other: "Quyết định số
 * 3307/QĐ-UBND ngày 28/12/2020 của UBND tỉnh Bình Phước". The words are part of
 * the citation format, not of the UI, so they stay Vietnamese in every locale. A
 * named law without a code ("Luật Dân chủ cơ sở năm 2022") is cited as written.
 */
export function citation(doc: DocumentEntity): string {
  if (!doc.code) return doc.text.replace(/\s+/g, ' ').trim();
  let line = `${doc.docType} số ${doc.code}`;
  if (doc.date) line += ` ngày ${viDate(doc.date)}`;
  if (doc.issuer) line += ` của ${doc.issuer}`;
  return line;
}

/**
 * What the copy button copies: a document's citation line, or a figure as written
 * followed by its fields; then the page it was found on, when known.
 */
export function copyText(entity: Entity, t: Translate, locale: string, pageUrl?: string | null): string {
  let text: string;
  if (entity.kind === 'document') {
    text = citation(entity);
  } else {
    const fields = entityFields(entity, t, locale).map((f) => `${f.label}: ${f.value}`);
    text = `${entity.text.replace(/\s+/g, ' ').trim()} (${fields.join('; ')})`;
  }
  return pageUrl ? `${text} — ${t('copySource', [pageUrl])}` : text;
}

/** One line summing an entity up, for lists: "3307/QĐ-UBND · 28/12/2020 · UBND tỉnh Bình Phước". */
export function entitySummary(entity: Entity, t: Translate): string {
  if (entity.kind === 'document') {
    const parts = [entity.code ? `${entity.docType} ${entity.code}` : citation(entity)];
    if (entity.date) parts.push(viDate(entity.date));
    if (entity.issuer) parts.push(entity.issuer);
    return parts.join(' · ');
  }
  const value = entity.valueTo === null ? formatNumber(entity.value) : `${formatNumber(entity.value)} – ${formatNumber(entity.valueTo)}`;
  const unit = entity.unit ? `${entity.unit === '%' ? '' : ' '}${entity.unit}` : '';
  const den = entity.denominator === null ? '' : `/${formatNumber(entity.denominator)}`;
  return `${value}${den}${unit} · ${t(QUANTITY_MESSAGE[entity.quantity])}`;
}
