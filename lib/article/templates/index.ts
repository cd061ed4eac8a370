/**
 * The template registry, tried in order; the first whose `matches` is true and whose
 * `extract` decides (returns non-null) wins. Put specific templates before general ones.
 */
import { huePortal } from './hue-portal.ts';
import { newspaper } from './newspaper.ts';
import { nukeviet } from './nukeviet.ts';
import { sharepointPortal } from './sharepoint-portal.ts';
import type { ArticleTemplate } from './types.ts';

export const TEMPLATES: readonly ArticleTemplate[] = [nukeviet, sharepointPortal, huePortal, newspaper];

export type { ArticleTemplate, TemplateContext, TemplateResult } from './types.ts';
export { huePortal, newspaper, nukeviet, sharepointPortal };
