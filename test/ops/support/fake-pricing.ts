import * as pricing from '@aws-sdk/client-pricing';
import { mockClient, type AwsStub } from 'aws-sdk-client-mock';

export interface FakeProduct {
  readonly serviceCode: string;
  readonly productFamily: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly usd: string;
  readonly unit: string;
}

/** Usage-type prefix of a region in the Price List (us-east-1 has none). */
const PREFIX: Readonly<Record<string, string>> = { 'eu-west-2': 'EUW2-', 'eu-central-1': 'EUC1-', 'us-east-1': '' };

/** A small Price List for one region, shaped as the API's aws_v1 documents, with decoys a sloppy query would pick. */
export function priceListFor(region: string): FakeProduct[] {
  const p = PREFIX[region] ?? 'XXX-';
  const ec2 = (type: string, usd: string, extra: Record<string, string> = {}, usage = `${p}BoxUsage:${type}`): FakeProduct => ({
    serviceCode: 'AmazonEC2',
    productFamily: 'Compute Instance',
    attributes: { instanceType: type, operatingSystem: 'Linux', tenancy: 'Shared', preInstalledSw: 'NA', capacitystatus: 'Used', licenseModel: 'No License required', usagetype: usage, ...extra },
    usd,
    unit: 'Hrs',
  });
  return [
    { serviceCode: 'AmazonEKS', productFamily: 'Compute', attributes: { usagetype: `${p}AmazonEKS-Hours:perCluster` }, usd: '0.1000000000', unit: 'Hours' },
    { serviceCode: 'AmazonEKS', productFamily: 'Compute', attributes: { usagetype: `${p}AmazonEKS-Hours:extendedSupport` }, usd: '0.6000000000', unit: 'Hours' },
    ec2('t3.large', '0.0944000000'),
    ec2('m6i.large', '0.1110000000'),
    ec2('m6i.large', '0.2030000000', { operatingSystem: 'Windows' }),
    ec2('m6i.large', '0.1110000000', { tenancy: 'Dedicated' }, `${p}DedicatedUsage:m6i.large`),
    ec2('m6i.large', '0.1110000000', { capacitystatus: 'UnusedCapacityReservation' }, `${p}UnusedBox:m6i.large`),
    { serviceCode: 'AmazonEC2', productFamily: 'NAT Gateway', attributes: { usagetype: `${p}NatGateway-Hours` }, usd: '0.0500000000', unit: 'Hrs' },
    { serviceCode: 'AmazonEC2', productFamily: 'NAT Gateway', attributes: { usagetype: `${p}NatGateway-Bytes` }, usd: '0.0500000000', unit: 'GB' },
    { serviceCode: 'AmazonEC2', productFamily: 'Storage', attributes: { volumeApiName: 'gp3', usagetype: `${p}EBS:VolumeUsage.gp3` }, usd: '0.0930000000', unit: 'GB-Mo' },
    { serviceCode: 'AWSELB', productFamily: 'Load Balancer-Network', attributes: { usagetype: `${p}LoadBalancerUsage` }, usd: '0.0270000000', unit: 'Hrs' },
    { serviceCode: 'AWSELB', productFamily: 'Load Balancer-Network', attributes: { usagetype: `${p}LCUUsage` }, usd: '0.0070000000', unit: 'LCU-Hrs' },
    { serviceCode: 'AWSELB', productFamily: 'Load Balancer-Application', attributes: { usagetype: `${p}LoadBalancerUsage` }, usd: '0.0265000000', unit: 'Hrs' },
    { serviceCode: 'AmazonVPC', productFamily: 'VPC Public IPv4 Address', attributes: { usagetype: `${p}PublicIPv4:InUseAddress` }, usd: '0.0050000000', unit: 'Hrs' },
  ].map((x) => ({ ...x, attributes: { ...x.attributes, regionCode: region } }));
}

function document(product: FakeProduct, i: number): string {
  const sku = `SKU${i}`;
  return JSON.stringify({
    product: { productFamily: product.productFamily, attributes: { servicecode: product.serviceCode, ...product.attributes }, sku },
    serviceCode: product.serviceCode,
    terms: { OnDemand: { [`${sku}.JRTCKXETXF`]: { priceDimensions: { [`${sku}.JRTCKXETXF.6YS6EN2CT7`]: { unit: product.unit, pricePerUnit: { USD: product.usd } } } } } },
    version: '20260101000000',
    publicationDate: '2026-01-01T00:00:00Z',
  });
}

/** GetProducts over a product list: TERM_MATCH (exact) and CONTAINS filters, pages of MaxResults. */
export class FakePricing {
  readonly products: FakeProduct[] = [...priceListFor('eu-west-2'), ...priceListFor('eu-central-1')];
  readonly calls: pricing.GetProductsCommandInput[] = [];
  /** Every call fails with this, when set (no network, no right to call the API). */
  failWith: Error | undefined;
  private readonly stubs: AwsStub<object, never, unknown>[] = [];

  getProducts(input: pricing.GetProductsCommandInput): pricing.GetProductsCommandOutput {
    this.calls.push(input);
    if (this.failWith !== undefined) throw this.failWith;
    const matches = this.products
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => p.serviceCode === input.ServiceCode)
      .filter(({ p }) =>
        (input.Filters ?? []).every((f) => {
          const value = f.Field === 'productFamily' ? p.productFamily : p.attributes[f.Field ?? ''];
          if (value === undefined) return false;
          if (f.Type === 'TERM_MATCH' || f.Type === 'EQUALS') return value === f.Value;
          if (f.Type === 'CONTAINS') return value.includes(f.Value ?? '');
          throw new Error(`the fake Price List does not model ${f.Type}`);
        }),
      );
    const start = Number(input.NextToken ?? '0');
    const size = input.MaxResults ?? 100;
    return {
      $metadata: {},
      FormatVersion: 'aws_v1',
      PriceList: matches.slice(start, start + size).map(({ p, i }) => document(p, i)),
      NextToken: start + size < matches.length ? String(start + size) : undefined,
    };
  }

  serve(client: pricing.PricingClient): pricing.PricingClient {
    const stub = mockClient(client as never) as unknown as AwsStub<object, never, unknown>;
    this.stubs.push(stub);
    (stub as unknown as { on: (c: unknown) => { callsFake: (f: unknown) => void } }).on(pricing.GetProductsCommand).callsFake(async (i: pricing.GetProductsCommandInput) => this.getProducts(i));
    return client;
  }

  restore(): void {
    for (const s of this.stubs) s.restore();
  }
}
