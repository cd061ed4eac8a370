import type { DocumentEntity, FigureEntity } from '@/lib/recognize/types';

/** Sample entities, as the recognizer gives them, for UI and formatting tests. */
export const DOC: DocumentEntity = {
  kind: 'document',
  start: 10,
  end: 70,
  text: 'Quyết định số 3307/QĐ-UBND ngày 28/12/2020 của UBND tỉnh Bình Phước',
  docType: 'Quyết định',
  code: '3307/QĐ-UBND',
  number: '3307',
  year: 2020,
  date: '2020-12-28',
  issuer: 'UBND tỉnh Bình Phước',
};

export const FIG: FigureEntity = {
  kind: 'figure',
  start: 90,
  end: 107,
  text: 'hơn 1.640 tỷ đồng',
  value: 1_640_000_000_000,
  valueTo: null,
  quantity: 'money',
  unit: 'VND',
  qualifier: 'over',
  change: null,
  denominator: null,
};
