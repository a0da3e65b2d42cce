import { ConnectivityError } from '../../src/core/errors';
import { Rules } from '../../src/core/rules';
import { QuotaValues } from '../../src/net';
import { DEFAULT_QUOTAS, QUOTA_TABLE, quotaRow, resolveQuotas } from '../../src/net/quota-table';

function quotaError(overrides: unknown): ConnectivityError {
  try {
    resolveQuotas(overrides as QuotaValues, 'QuotaValues \'App/Quotas\'');
  } catch (e) {
    if (e instanceof ConnectivityError) return e;
    throw e;
  }
  throw new Error(`expected ${JSON.stringify(overrides)} to be refused`);
}

describe('quota defaults', () => {
  test('are the AWS defaults', () => {
    // GIVEN / WHEN
    const quotas = resolveQuotas();

    // THEN
    expect(quotas).toEqual({
      activePeeringsPerVpc: 50,
      routesPerRouteTable: 50,
      ipv4CidrBlocksPerVpc: 5,
      ipv6CidrBlocksPerVpc: 5,
      gatewayEndpointsPerRegion: 20,
      interfaceEndpointsPerVpc: 50,
      vpcsPerPrivateHostedZone: 300,
      hostedZonesPerAccount: 500,
      resourceGatewaysPerVpc: 500,
      resourceConfigurationsPerRegion: 2000,
      childConfigurationsPerGroup: 60,
    });
    expect(DEFAULT_QUOTAS).toEqual(quotas);
    expect(resolveQuotas({})).toEqual(quotas);
  });

  test.each([
    ['activePeeringsPerVpc', 50, 125, 'Amazon VPC quotas'],
    ['routesPerRouteTable', 50, 1000, 'Amazon VPC quotas'],
    ['ipv4CidrBlocksPerVpc', 5, 50, 'Amazon VPC quotas'],
    ['ipv6CidrBlocksPerVpc', 5, 50, 'Amazon VPC quotas'],
    ['gatewayEndpointsPerRegion', 20, 255, 'AWS PrivateLink quotas'],
    ['interfaceEndpointsPerVpc', 50, undefined, 'AWS PrivateLink quotas'],
    ['vpcsPerPrivateHostedZone', 300, undefined, 'Amazon Route 53 quotas'],
    ['hostedZonesPerAccount', 500, undefined, 'Amazon Route 53 quotas'],
    ['resourceGatewaysPerVpc', 500, undefined, 'Quotas for Amazon VPC Lattice'],
    ['resourceConfigurationsPerRegion', 2000, undefined, 'Quotas for Amazon VPC Lattice'],
    ['childConfigurationsPerGroup', 60, undefined, 'Quotas for Amazon VPC Lattice'],
  ] as const)('%s: default %d, maximum %s, from "%s"', (key, def, max, source) => {
    // GIVEN / WHEN
    const row = quotaRow(key);

    // THEN
    expect([row.default, row.max, row.source]).toEqual([def, max, source]);
  });

  test('the table has one row per quota', () => {
    // GIVEN / WHEN
    const keys = QUOTA_TABLE.map((r) => r.key);

    // THEN
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(Object.keys(DEFAULT_QUOTAS).sort());
  });
});

describe('quota overrides', () => {
  test('replace the defaults they name and keep the others', () => {
    // GIVEN / WHEN
    const quotas = resolveQuotas({ activePeeringsPerVpc: 125, routesPerRouteTable: 1, interfaceEndpointsPerVpc: 5000 });

    // THEN
    expect(quotas).toEqual({ ...DEFAULT_QUOTAS, activePeeringsPerVpc: 125, routesPerRouteTable: 1, interfaceEndpointsPerVpc: 5000 });
  });

  test('an undefined value keeps the default', () => {
    // GIVEN / WHEN
    const quotas = resolveQuotas({ ipv4CidrBlocksPerVpc: undefined });

    // THEN
    expect(quotas.ipv4CidrBlocksPerVpc).toBe(5);
  });

  test.each([
    // [overrides, expected message]
    [{ activePeeringsPerVpc: 0 }, 'activePeeringsPerVpc 0; active VPC peering connections per VPC must be a whole number from 1 to 125 (AWS default 50, maximum 125 per "Amazon VPC quotas"). Give the quota your account actually has, a whole number from 1 to 125.'],
    [{ routesPerRouteTable: -1 }, 'routesPerRouteTable -1; routes per route table (per IP family) must be a whole number from 1 to 1000 (AWS default 50, maximum 1000 per "Amazon VPC quotas").'],
    [{ ipv4CidrBlocksPerVpc: 1.5 }, 'ipv4CidrBlocksPerVpc 1.5; IPv4 CIDR blocks per VPC must be a whole number from 1 to 50'],
    [{ ipv6CidrBlocksPerVpc: 51 }, 'ipv6CidrBlocksPerVpc 51; IPv6 CIDR blocks per VPC must be a whole number from 1 to 50'],
    [{ activePeeringsPerVpc: 126 }, 'activePeeringsPerVpc 126; active VPC peering connections per VPC must be a whole number from 1 to 125'],
    [{ gatewayEndpointsPerRegion: 256 }, 'gatewayEndpointsPerRegion 256; gateway VPC endpoints per Region must be a whole number from 1 to 255 (AWS default 20, maximum 255 per "AWS PrivateLink quotas")'],
    [{ interfaceEndpointsPerVpc: 0 }, 'interfaceEndpointsPerVpc 0; interface and Gateway Load Balancer endpoints per VPC must be a whole number at least 1 (AWS default 50; "AWS PrivateLink quotas" documents no maximum). Give the quota your account actually has, a whole number at least 1.'],
    [{ routesPerRouteTable: '100' }, 'routesPerRouteTable "100"; routes per route table (per IP family) must be a whole number from 1 to 1000'],
    [{ routesPerRouteTable: NaN }, 'routesPerRouteTable NaN; routes per route table'],
    [{ routesPerRouteTable: Infinity }, 'routesPerRouteTable Infinity; routes per route table'],
    [{ routesPerRouteTable: null }, 'routesPerRouteTable null; routes per route table'],
    [{ peeringsPerVpc: 60 }, 'quota key "peeringsPerVpc"; it is not a quota this library counts; valid keys are activePeeringsPerVpc, routesPerRouteTable, ipv4CidrBlocksPerVpc, ipv6CidrBlocksPerVpc, gatewayEndpointsPerRegion, interfaceEndpointsPerVpc, vpcsPerPrivateHostedZone, hostedZonesPerAccount, resourceGatewaysPerVpc, resourceConfigurationsPerRegion, childConfigurationsPerGroup. Remove it, or use one of the valid keys.'],
    [{ RoutesPerRouteTable: 60 }, 'quota key "RoutesPerRouteTable"; it is not a quota this library counts; valid keys are activePeeringsPerVpc, routesPerRouteTable, ipv4CidrBlocksPerVpc, ipv6CidrBlocksPerVpc, gatewayEndpointsPerRegion, interfaceEndpointsPerVpc, vpcsPerPrivateHostedZone, hostedZonesPerAccount, resourceGatewaysPerVpc, resourceConfigurationsPerRegion, childConfigurationsPerGroup. Did you mean routesPerRouteTable?'],
    [[50], 'quotas [50]; quota overrides are an object with any of the keys activePeeringsPerVpc, routesPerRouteTable'],
    ['50', 'quotas "50"; quota overrides are an object'],
  ])('%j is refused', (overrides, message) => {
    // GIVEN / WHEN
    const error = quotaError(overrides);

    // THEN
    expect(error.ruleId).toBe(Rules.QUOTA_INVALID.id);
    expect(error.message).toContain(`QuotaValues 'App/Quotas': ${message}`);
    expect(error.message.endsWith('[cdk-private-connectivity:quota-invalid]')).toBe(true);
  });

  test('the error names QuotaValues when no subject is given', () => {
    // GIVEN / WHEN
    let message = '';
    try {
      resolveQuotas({ activePeeringsPerVpc: 0 });
    } catch (e) {
      message = (e as Error).message;
    }

    // THEN
    expect(message.startsWith('QuotaValues: activePeeringsPerVpc 0;')).toBe(true);
  });
});

describe('quota overrides: values JSON cannot carry, and the row lookup', () => {
  test('null is refused as not an object, with the fix that shows one', () => {
    expect(quotaError(null).message).toBe(
      'QuotaValues \'App/Quotas\': quotas null; quota overrides are an object with any of the keys activePeeringsPerVpc, routesPerRouteTable, '
      + 'ipv4CidrBlocksPerVpc, ipv6CidrBlocksPerVpc, gatewayEndpointsPerRegion, interfaceEndpointsPerVpc, vpcsPerPrivateHostedZone, '
      + 'hostedZonesPerAccount, resourceGatewaysPerVpc, resourceConfigurationsPerRegion, childConfigurationsPerGroup. Pass an object such as { "activePeeringsPerVpc": 100 }. [cdk-private-connectivity:quota-invalid]',
    );
  });

  test('a bigint is refused and shown as its digits (JSON cannot render it)', () => {
    expect(quotaError({ routesPerRouteTable: 100n }).message).toContain('routesPerRouteTable 100; routes per route table (per IP family) must be a whole number from 1 to 1000');
  });

  test('quotaRow finds a row by key and refuses a key without one', () => {
    expect(quotaRow('hostedZonesPerAccount')).toBe(QUOTA_TABLE.find((r) => r.key === 'hostedZonesPerAccount'));
    expect(quotaRow('hostedZonesPerAccount').default).toBe(500);
    expect(quotaRow('childConfigurationsPerGroup')).toBe(QUOTA_TABLE[QUOTA_TABLE.length - 1]);
    expect(() => quotaRow('nope' as keyof QuotaValues)).toThrow(/^no quota row for nope$/);
  });
});
