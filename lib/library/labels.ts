/**
 * Message names for the values the ledger shows in words. lib/format/entity.ts keeps the
 * same two tables privately for the card; these are typed against the same unions, so a
 * new quantity or qualifier fails to compile here until it has a label.
 */
import type { MessageName } from '../i18n';
import type { Qualifier, Quantity } from '../recognize/types';

export const QUANTITY_LABEL = {
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
} as const satisfies Record<Quantity, MessageName>;

export const QUALIFIER_LABEL = {
  approx: 'qualifierApprox',
  over: 'qualifierOver',
  under: 'qualifierUnder',
  atLeast: 'qualifierAtLeast',
  atMost: 'qualifierAtMost',
} as const satisfies Record<Qualifier, MessageName>;
