import { hubBreakEvenSpokes, hubCost, hubTransferPerGb } from '../../src';
import { HOURS_PER_MONTH, PRICES } from '../../src/net/prices';

describe('hub break-even from the list prices', () => {
  test('two services in two AZs, 100 GB per spoke, half across AZs: a hub pays from 2 spokes', () => {
    // GIVEN
    const input = { services: 2, availabilityZones: 2, gbPerSpokePerMonth: 100 };
    // THEN
    expect(hubBreakEvenSpokes(input)).toBe(2);
    const one = hubCost(input, 1);
    const two = hubCost(input, 2);
    expect(one.hubUsd).toBeGreaterThanOrEqual(one.perVpcUsd);
    expect(two.hubUsd).toBeLessThan(two.perVpcUsd);
    // 2 services × 2 AZs × $0.01 × 730 h = $29.20 per set of endpoints
    expect(one.perVpcUsd).toBeCloseTo(2 * 2 * PRICES.interfaceEndpointAzHour.usd * HOURS_PER_MONTH + 100 * PRICES.interfaceEndpointPerGb.usd, 2);
  });

  test.each([
    [{ services: 1, availabilityZones: 2, gbPerSpokePerMonth: 0 }, 2],
    [{ services: 2, availabilityZones: 3, gbPerSpokePerMonth: 1000, crossAzShare: 1 }, 2],
    [{ services: 1, availabilityZones: 2, gbPerSpokePerMonth: 700, interRegion: true }, 26],
    [{ services: 1, availabilityZones: 2, gbPerSpokePerMonth: 10_000, interRegion: true }, undefined],
  ])('%j breaks even at %s spokes', (input, spokes) => {
    const n = hubBreakEvenSpokes(input);
    expect(n).toBe(spokes);
    if (n !== undefined) {
      expect(hubCost(input, n).hubUsd).toBeLessThan(hubCost(input, n).perVpcUsd);
      expect(hubCost(input, n - 1).hubUsd).toBeGreaterThanOrEqual(hubCost(input, n - 1).perVpcUsd);
    }
  });

  test('peering transfer per GB: same AZ free, cross-AZ charged both ways, inter-region at the inter-region rate', () => {
    const base = { services: 1, availabilityZones: 1, gbPerSpokePerMonth: 1 };
    expect(hubTransferPerGb({ ...base, crossAzShare: 0 })).toBe(0);
    expect(hubTransferPerGb({ ...base, crossAzShare: 1 })).toBe(2 * PRICES.peeringCrossAzPerGb.usd);
    expect(hubTransferPerGb({ ...base, interRegion: true })).toBe(PRICES.interRegionPerGb.usd);
    expect(() => hubTransferPerGb({ ...base, crossAzShare: 2 })).toThrow(/crossAzShare must be between 0 and 1, got 2/);
  });
});

test('the README quotes the break-even table as the functions compute it', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const readme: string = require('fs').readFileSync(require('path').join(__dirname, '..', '..', 'README.md'), 'utf8');
  const usd = (n: number) => `$${n.toFixed(2)}`;
  const base = { services: 2, availabilityZones: 2, gbPerSpokePerMonth: 100 };
  const rows: Array<[string, Parameters<typeof hubCost>[0]]> = [
    ['100 GB per spoke a month, half across AZs', base],
    ['100 GB per spoke a month, spokes in another region', { ...base, interRegion: true }],
    ['1,000 GB per spoke a month, spokes in another region', { ...base, gbPerSpokePerMonth: 1000, interRegion: true }],
  ];
  for (const [label, input] of rows) {
    const ten = hubCost(input, 10);
    expect(readme).toContain(`| ${label} | ${hubBreakEvenSpokes(input)} spokes | ${usd(ten.perVpcUsd)} | ${usd(ten.hubUsd)} |`);
  }
  const maxGb = (2 * 2 * PRICES.interfaceEndpointAzHour.usd * HOURS_PER_MONTH) / hubTransferPerGb(base);
  expect(readme).toContain(`Past ${Math.round(maxGb).toLocaleString('en-US')} GB per spoke a month`);
  expect(hubBreakEvenSpokes({ ...base, gbPerSpokePerMonth: Math.round(maxGb) + 1 })).toBeUndefined();
});
