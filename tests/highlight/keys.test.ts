import { describe, expect, it } from 'vitest';
import { isEditable, stepForKey } from '@/lib/highlight/keys';

const key = (code: string, mods: Partial<Record<'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'isComposing', boolean>> = {}) => ({
  code,
  altKey: false,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe('stepForKey', () => {
  it('steps forward with Alt+Shift+N and back with Alt+Shift+P, by physical key', () => {
    expect(stepForKey(key('KeyN', { altKey: true, shiftKey: true }))).toBe(1);
    expect(stepForKey(key('KeyP', { altKey: true, shiftKey: true }))).toBe(-1);
  });

  it('ignores other combinations and keys typed in an input method', () => {
    expect(stepForKey(key('KeyN', { altKey: true }))).toBe(0);
    expect(stepForKey(key('KeyN', { shiftKey: true }))).toBe(0);
    expect(stepForKey(key('KeyN', { altKey: true, shiftKey: true, ctrlKey: true }))).toBe(0);
    expect(stepForKey(key('KeyN', { altKey: true, shiftKey: true, metaKey: true }))).toBe(0);
    expect(stepForKey(key('KeyN', { altKey: true, shiftKey: true, isComposing: true }))).toBe(0);
    expect(stepForKey(key('KeyQ', { altKey: true, shiftKey: true }))).toBe(0);
  });
});

describe('isEditable', () => {
  it('recognizes text fields', () => {
    expect(isEditable({ localName: 'input' } as unknown as EventTarget)).toBe(true);
    expect(isEditable({ localName: 'textarea' } as unknown as EventTarget)).toBe(true);
    expect(isEditable({ localName: 'div', isContentEditable: true } as unknown as EventTarget)).toBe(true);
    expect(isEditable({ localName: 'p', isContentEditable: false } as unknown as EventTarget)).toBe(false);
    expect(isEditable(null)).toBe(false);
  });
});
