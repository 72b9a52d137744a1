import { describe, expect, it } from 'vitest';
import { OfferCheckService, WindowRateLimiter } from './offer-check.service';

describe('public offer checker', () => {
  it('names the red flags of a risky offer and lists only verified helplines with their source', () => {
    const result = new OfferCheckService().check({
      clientKey: 'a',
      text: 'Posao u Austriji, bez iskustva, smještaj besplatan. Kotizacija 200 EUR unaprijed, pošaljite kopiju pasoša.',
    });
    expect(result.level).toBe('many');
    expect(result.flags.map((f) => f.indicatorId)).toEqual(
      expect.arrayContaining(['rec_no_experience', 'rec_early_documents']),
    );
    expect(result.helplines.length).toBeGreaterThan(0);
    for (const h of result.helplines) expect(h.source.length).toBeGreaterThan(5);
    expect(result.helplines.map((h) => h.country)).not.toContain('BA'); // the BA entry is unverified
  });

  it('says "some" for a single red flag and "none" for an ordinary ad', () => {
    const service = new OfferCheckService();
    expect(
      service.check({ clientKey: 'b', text: 'Hotel Panorama, recepcioner, ugovor, besplatan smještaj.' }).level,
    ).toBe('some');
    expect(service.check({ clientKey: 'b', text: 'Prodajem bicikl, 100 KM.' }).level).toBe('none');
  });

  it('rate-limits each client and rejects empty or huge text with actionable messages', () => {
    let now = 0;
    const service = new OfferCheckService(new WindowRateLimiter(2, 60_000, () => now));
    service.check({ clientKey: 'c', text: 'a job' });
    service.check({ clientKey: 'c', text: 'a job' });
    expect(() => service.check({ clientKey: 'c', text: 'a job' })).toThrow(/Wait a minute/);
    now = 61_000;
    expect(() => service.check({ clientKey: 'c', text: ' ' })).toThrow(/Paste the text/);
    expect(() => service.check({ clientKey: 'd', text: 'x'.repeat(20_001) })).toThrow(/longer than/);
  });
});
