import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle, extractArticleSteps, finish } from '../../lib/article/index.ts';
import { elementText, elementTextSteps } from '../../lib/article/text.ts';
import { FIXTURES } from '../fixtures/pages/catalog.ts';
import { makeLargeArticle } from '../fixtures/pages/make-large.ts';

describe('extraction in steps', () => {
  it.each([
    ['nukeviet-bdv-article.html'],
    ['generic-department-article.html'],
  ])('pauses often on a ~1 MB page built from %s and reads exactly what one call reads', (file) => {
    const fx = FIXTURES.find((f) => f.file === file)!;
    const doc = parseHTML(makeLargeArticle({ fixture: file })).document as unknown as Document;
    const steps = extractArticleSteps(doc, fx.location);
    let pauses = 0;
    let r = steps.next();
    while (!r.done) {
      pauses++;
      r = steps.next();
    }
    // The walks over the page and the article pause every NODES_PER_STEP nodes.
    expect(pauses).toBeGreaterThan(20);
    const whole = extractArticle(doc, fx.location);
    expect(r.value.isArticle).toBe(true);
    expect(r.value.template).toBe(fx.template);
    expect(r.value.text).toBe(whole.text);
    expect(r.value.map).toEqual(whole.map);
    expect({ ...r.value, body: null, lead: null, map: null }).toEqual({ ...whole, body: null, lead: null, map: null });
  });

  it('elementTextSteps finishes in one step on a small element', () => {
    const doc = parseHTML('<div id="r"><p>Một <b>hai</b></p><p>ba</p></div>').document as unknown as Document;
    const root = doc.querySelector('#r');
    const steps = elementTextSteps(root);
    const first = steps.next();
    expect(first.done).toBe(true);
    expect(finish(elementTextSteps(root))).toEqual(elementText(root));
  });
});
