import { describe, it, expect } from 'vitest';
import { companyKey, isCompanyName, isRoleLabel, roleSide } from '../../src/ingest/roles.ts';

describe('roleSide', () => {
  it.each([
    ['AE', 'seller'],
    ['Senior AE', 'seller'],
    ['Enterprise Account Executive', 'seller'],
    ['Account Exec 2', 'seller'],
    ['Solutions Eng', 'seller'],
    ['Sales Engineer', 'seller'],
    ['Customer Success Manager', 'seller'],
    ['BDR', 'seller'],
    ['Customer', 'buyer'],
    ['Customer (Ops)', 'buyer'],
    ['Customer A', 'buyer'],
    ['Buyer 2', 'buyer'],
    ['Client', 'buyer'],
  ] as const)('%s -> %s', (label, side) => {
    expect(roleSide(label)).toBe(side);
  });

  it.each(['VP Sales', 'Head of Sales', 'Sales Director', 'CFO', 'Dana Ortiz', 'Senior', '', 'Lead'])('%j has no side', (label) => {
    expect(roleSide(label)).toBeNull();
  });

  it('only capitalised roles are role labels', () => {
    expect(isRoleLabel('Customer (Finance)')).toBe(true);
    expect(isRoleLabel('customer')).toBe(false);
    expect(isRoleLabel('Kim')).toBe(false);
  });
});

describe('isCompanyName', () => {
  it.each(['ClauseCraft', 'Harbourview Legal', 'Acme', 'Acme Corp', 'Northgate Partners', 'HubSpot'])('%s is a company', (s) => {
    expect(isCompanyName(s)).toBe(true);
  });
  it.each(['CFO', 'Ops', 'Finance', 'Technical Ops', 'SVP Technical Ops', 'Dir. Maintenance Planning', 'Head of IT', 'Account Exec', 'Legal', 'procurement lead', 'Plant Operations'])(
    '%s is not a company',
    (s) => {
      expect(isCompanyName(s)).toBe(false);
    },
  );
  it('keys spellings of one company together', () => {
    expect(companyKey('Acme Corp.')).toBe(companyKey('ACME'));
    expect(companyKey('Clause Craft')).toBe(companyKey('ClauseCraft'));
  });
});
