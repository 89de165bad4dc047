/** IPv4 CIDR arithmetic: pure, no I/O. */
export interface Cidr {
  readonly base: number;
  readonly prefix: number;
}

const CIDR_FORM = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

export function parseCidr(text: string): Cidr {
  const m = CIDR_FORM.exec(text);
  if (!m) throw new Error(`"${text}" is not an IPv4 CIDR block (a.b.c.d/n)`);
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) throw new Error(`"${text}" is not an IPv4 CIDR block (a.b.c.d/n)`);
  const base = octets.reduce((acc, o) => acc * 256 + o, 0);
  if (base % blockSize(prefix) !== 0) throw new Error(`"${text}" has host bits set; the network address is ${formatCidr({ base: base - (base % blockSize(prefix)), prefix })}`);
  return { base, prefix };
}

export function formatCidr(cidr: Cidr): string {
  const o = [24, 16, 8, 0].map((shift) => Math.floor(cidr.base / 2 ** shift) % 256);
  return `${o.join('.')}/${cidr.prefix}`;
}

export function blockSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

/** The `index`-th block of `newBits` more prefix bits inside `parent` (Terraform's cidrsubnet). */
export function subnetOf(parent: Cidr, newBits: number, index: number): Cidr {
  const prefix = parent.prefix + newBits;
  if (prefix > 32 || index < 0 || index >= 2 ** newBits) {
    throw new Error(`${formatCidr(parent)} has no subnet ${index} of /${prefix}`);
  }
  return { base: parent.base + index * blockSize(prefix), prefix };
}

export function contains(outer: Cidr, inner: Cidr): boolean {
  return inner.prefix >= outer.prefix && inner.base >= outer.base && inner.base + blockSize(inner.prefix) <= outer.base + blockSize(outer.prefix);
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.base < b.base + blockSize(b.prefix) && b.base < a.base + blockSize(a.prefix);
}
