import { describe, expect, it } from 'vitest';
import { normalizeDate, parseDateLine } from '../../lib/article/dates.ts';

describe('parseDateLine: portal date lines', () => {
  it.each([
    // NukeViet news module
    ['Thứ ba - 22/03/2022 21:58', '2022-03-22T21:58:00+07:00'],
    ['Chủ nhật - 05/06/2022 07:03', '2022-06-05T07:03:00+07:00'],
    // Huế portal, date only
    ['Ngày cập nhật 15/06/2020', '2020-06-15T00:00:00+07:00'],
    ['Ngày cập nhật: 17/09/2021 06:32:30', '2021-09-17T06:32:30+07:00'],
    // Quảng Ninh portal
    ['Cập nhật: 13/04/2023 - 09:15', '2023-04-13T09:15:00+07:00'],
    ['09/04/2024 13:48', '2024-04-09T13:48:00+07:00'],
    // newspapers
    ['Thứ Hai, 13/04/2023, 09:15 (GMT+7)', '2023-04-13T09:15:00+07:00'],
    ['Thứ Tư, 05/04/2023 | 16:42 GMT+7', '2023-04-05T16:42:00+07:00'],
    ['16:42 | 05/04/2023', '2023-04-05T16:42:00+07:00'],
    ['Thứ Hai, 09:15 13/04/2023', '2023-04-13T09:15:00+07:00'],
    ['Cập nhật lúc 9h15 ngày 13/4/2023', '2023-04-13T09:15:00+07:00'],
    ['Đăng ngày 13-04-2023 lúc 21h05', '2023-04-13T21:05:00+07:00'],
    ['13.04.2023 09:15:07', '2023-04-13T09:15:07+07:00'],
    ['05/04/2023 04:42 PM', '2023-04-05T16:42:00+07:00'],
    ['05/04/2023 04:42 CH', '2023-04-05T16:42:00+07:00'],
    ['05/04/2023 12:10 SA', '2023-04-05T00:10:00+07:00'],
    ['Thứ năm, ngày 22 tháng 3 năm 2022', '2022-03-22T00:00:00+07:00'],
    ['Ngày đăng: 2023/04/13 09:15', '2023-04-13T09:15:00+07:00'],
    ['05/04/2023 16:42 (GMT+8)', '2023-04-05T16:42:00+08:00'],
    ['05/04/2023 16:42 UTC', '2023-04-05T16:42:00+00:00'],
    ['  Ngày  cập  nhật\u00a015/06/2020  ', '2020-06-15T00:00:00+07:00'],
  ])('%s', (line, iso) => {
    expect(parseDateLine(line)).toBe(iso);
  });

  it('rejects impossible dates and lines without a date', () => {
    expect(parseDateLine('31/02/2022 10:00')).toBeNull();
    expect(parseDateLine('15/13/2020')).toBeNull();
    expect(parseDateLine('Lượt xem: 1.245')).toBeNull();
    expect(parseDateLine('Quyết định số 3307/QĐ-UBND')).toBeNull();
    expect(parseDateLine('')).toBeNull();
    expect(parseDateLine(null)).toBeNull();
  });

  it('ignores a time that is not valid', () => {
    expect(parseDateLine('22/03/2022 25:61')).toBe('2022-03-22T00:00:00+07:00');
  });

  it('takes the leap day only in leap years', () => {
    expect(parseDateLine('29/02/2024')).toBe('2024-02-29T00:00:00+07:00');
    expect(parseDateLine('29/02/2023')).toBeNull();
  });
});

describe('normalizeDate: machine dates', () => {
  it.each([
    ['2022-03-22T21:58:00+07:00', '2022-03-22T21:58:00+07:00'],
    ['2022-03-22T21:58:00.000+0700', '2022-03-22T21:58:00+07:00'],
    ['2022-03-22T14:58:00Z', '2022-03-22T14:58:00+00:00'],
    ['2022-03-22T21:58', '2022-03-22T21:58:00+07:00'],
    ['2022-03-22 21:58:09', '2022-03-22T21:58:09+07:00'],
    ['2022-03-22', '2022-03-22T00:00:00+07:00'],
    ['2022-3-2', '2022-03-02T00:00:00+07:00'],
    ['20220322T215800+0700', '2022-03-22T21:58:00+07:00'],
    // NukeViet's article:published_time with a zone abbreviation in place of "T"
    ['2022-03-22ICT21:58:00', '2022-03-22T21:58:00+07:00'],
    ['Tue, 22 Mar 2022 21:58:00 +0700', '2022-03-22T21:58:00+07:00'],
    ['22 Mar 2022 14:58:00 GMT', '2022-03-22T14:58:00+00:00'],
    ['March 22, 2022 21:58', '2022-03-22T21:58:00+07:00'],
    ['22/03/2022 21:58', '2022-03-22T21:58:00+07:00'],
    ['1647961080', '2022-03-22T21:58:00+07:00'],
    // ASP.NET portals' meta tags in .NET's invariant format: month first with AM/PM…
    ['3/12/2024 8:30:00 AM', '2024-03-12T08:30:00+07:00'],
    ['12/3/2024 2:05:00 PM', '2024-12-03T14:05:00+07:00'],
    ['3/12/2024 12:10:00 AM', '2024-03-12T00:10:00+07:00'],
    // …unless it cannot be, and day first in Vietnamese ("SA"/"CH") or with a 24-hour clock.
    ['22/3/2024 9:15 AM', '2024-03-22T09:15:00+07:00'],
    ['12/03/2024 8:30:00 SA', '2024-03-12T08:30:00+07:00'],
    ['12/03/2024 14:30', '2024-03-12T14:30:00+07:00'],
  ])('%s', (raw, iso) => {
    expect(normalizeDate(raw)).toBe(iso);
  });

  it('rejects garbage', () => {
    expect(normalizeDate('')).toBeNull();
    expect(normalizeDate('not a date')).toBeNull();
    expect(normalizeDate('2022-13-40')).toBeNull();
    expect(normalizeDate('x'.repeat(10_000))).toBeNull();
    expect(normalizeDate(undefined)).toBeNull();
  });
});
