import { describe, expect, it } from 'vitest';
import { findRegister } from '../../src/catalog/registers.js';
import { messages } from '../../src/ui/i18n/index.js';
import { requirementSummary } from '../../src/ui/report-table.js';

describe('the register line above the report table', () => {
  const nobco = findRegister('nobco').profile;

  it('names the period in months, or in days when it is shorter than a month', () => {
    expect(requirementSummary(nobco, 12, messages('nl'), 'nl')[0]).toMatch(/naar rato voor deze periode \(12 mnd\)\.$/);
    expect(requirementSummary(nobco, 1 / 30.4375, messages('nl'), 'nl')[0]).toMatch(/\(1 dag\)\.$/);
    expect(requirementSummary(nobco, 10 / 30.4375, messages('en'), 'en')[0]).toMatch(/pro rata for this period \(10 days\)\.$/);
  });
});
