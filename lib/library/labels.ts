/**
 * Message names for the values the ledger shows in words: the card's own tables
 * (lib/format/entity.ts), so a new quantity or qualifier gets one label everywhere.
 */
export { QUALIFIER_MESSAGE as QUALIFIER_LABEL, QUANTITY_MESSAGE as QUANTITY_LABEL } from '../format/entity';
