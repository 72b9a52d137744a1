import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy';
import { commonPasswords } from './common-passwords';

describe('password policy', () => {
  it('accepts a long password that is on no list', () => {
    expect(checkPassword('Amber-lantern-river-42')).toBeNull();
  });

  it('rejects passwords shorter than 12 characters, counting characters not bytes', () => {
    expect(checkPassword('Abcdefgh-1!')).toBe('password_too_short');
    expect(checkPassword('ђурђевак-пут')).toBeNull(); // 12 Cyrillic characters, 23 bytes
  });

  it('rejects 12+ character passwords from the bundled common list, in any letter case', () => {
    expect(commonPasswords().size).toBeGreaterThan(40_000);
    expect(checkPassword('qwertyuiop123')).toBe('password_too_common');
    expect(checkPassword('1Q2W3E4R5T6Y')).toBe('password_too_common');
  });

  it('rejects a common password with digits or symbols stuck on the end', () => {
    expect(checkPassword('dragon123456')).toBe('password_too_common');
    expect(checkPassword('Password!!!!2024')).toBe('password_too_common');
  });

  it('rejects one or two repeated characters', () => {
    expect(checkPassword('abababababababab')).toBe('password_too_common');
  });

  it('rejects a password containing the username', () => {
    expect(checkPassword('jelena.petrovic-2026', { username: 'jelena.petrovic' })).toBe('password_same_as_username');
  });

  it('rejects absurdly long input', () => {
    expect(checkPassword('x'.repeat(257) + 'abc')).toBe('password_too_long');
  });
});
