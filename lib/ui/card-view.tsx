import { render } from 'preact';
import { EntityCard, type EntityCardProps } from '@/components/EntityCard';
import { copyText } from '../format/entity';
import { CARD_CSS } from './card-styles';
import { copyToClipboard } from './clipboard';
import { placeCard } from './place';

/**
 * What the card needs beyond the content script: Preact and the card component, the
 * card's stylesheet, its copy text and clipboard access, its placement. Built into a
 * script of its own (entrypoints/card.ts) that the content script loads the first
 * time a card opens, so that pages where no card is ever opened never load it.
 */
export interface CardView {
  /** The stylesheet of our shadow root. */
  css: string;
  /** Renders the card into `mount`, or empties it (null). */
  render(mount: Element, props: EntityCardProps | null): void;
  copyText: typeof copyText;
  copyToClipboard: typeof copyToClipboard;
  placeCard: typeof placeCard;
}

export const cardView: CardView = {
  css: CARD_CSS,
  render: (mount, props) => render(props ? <EntityCard {...props} /> : null, mount),
  copyText,
  copyToClipboard,
  placeCard,
};
