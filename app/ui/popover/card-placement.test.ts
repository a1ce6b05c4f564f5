import { describe, expect, it } from 'vitest';
import { CARD_GAP_PX, placeCard } from './card-placement';

describe('placeCard', () => {
  it('puts the card to the right of the name when it fits', () => {
    expect(placeCard({ left: 100, right: 160 }, 320, 1280)).toEqual({ side: 'right', left: 60 + CARD_GAP_PX });
  });

  it('puts it below, aligned with the name, when the right side is too narrow', () => {
    expect(placeCard({ left: 20, right: 80 }, 320, 390)).toEqual({ side: 'below', left: 0 });
  });

  it('shifts it left so it ends inside the viewport', () => {
    const placement = placeCard({ left: 300, right: 360 }, 320, 390);
    expect(placement.side).toBe('below');
    expect(300 + placement.left + 320).toBe(390 - CARD_GAP_PX);
  });

  it('keeps the left margin when the viewport is narrower than the card', () => {
    const placement = placeCard({ left: 50, right: 90 }, 320, 300);
    expect(50 + placement.left).toBe(CARD_GAP_PX);
  });
});
