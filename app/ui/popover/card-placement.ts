/** Space between the name and the card, and between the card and the viewport's edges, in px. */
export const CARD_GAP_PX = 8;

export interface CardPlacement {
  /** 'right' of the name (as the reference places it) when it fits, else 'below' it. */
  side: 'right' | 'below';
  /** The card's left edge relative to the name's left edge, in px. */
  left: number;
}

/**
 * Where the card goes so it never overflows the viewport horizontally: to the right of the name when
 * there is room, otherwise below it, shifted left as far as needed (narrow screens, names near the
 * right edge). Pure, so it is tested without a browser.
 */
export function placeCard(name: { left: number; right: number }, cardWidth: number, viewportWidth: number): CardPlacement {
  if (name.right + CARD_GAP_PX + cardWidth + CARD_GAP_PX <= viewportWidth) {
    return { side: 'right', left: name.right - name.left + CARD_GAP_PX };
  }
  const rightmost = viewportWidth - CARD_GAP_PX - cardWidth;
  const viewportLeft = Math.max(CARD_GAP_PX, Math.min(name.left, rightmost));
  return { side: 'below', left: viewportLeft - name.left };
}
