import { describe, expect, it } from 'vitest';
import { avatarChoice } from './avatar';

const form = (entries: [string, string | File][]) => {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
};

describe('avatarChoice', () => {
  it('treats the empty nameless file of an untouched input as no choice, in both encodings', () => {
    expect(avatarChoice(form([['avatar', new File([], '')]]))).toEqual({ kind: 'keep' });
    expect(avatarChoice(form([['avatar', new File([], 'undefined')]]))).toEqual({ kind: 'keep' });
    expect(avatarChoice(form([]))).toEqual({ kind: 'keep' });
    expect(avatarChoice(form([['avatar', new File([], '')], ['removeAvatar', 'on']]))).toEqual({ kind: 'remove' });
  });

  it('sends a chosen file on, even an empty one (the data layer says it is empty); a file wins over Remove', () => {
    expect(avatarChoice(form([['avatar', new File([], 'empty.png')]]))).toMatchObject({ kind: 'upload' });
    expect(avatarChoice(form([['avatar', new File(['x'], 'a.png')], ['removeAvatar', 'on']]))).toMatchObject({ kind: 'upload' });
  });
});
