import { AddressBits, blockSize, formatAddress, formatCidr, parseCidrText } from './ip-address';
import { fail } from '../core/errors';
import { Rules } from '../core/rules';

/** The IP family of an address or CIDR block. */
export enum IpFamily {
  /** Internet Protocol version 4 (32-bit addresses). */
  IPV4 = 'ipv4',
  /** Internet Protocol version 6 (128-bit addresses). */
  IPV6 = 'ipv6',
}

/**
 * An IPv4 or IPv6 CIDR block in canonical form, e.g. `10.0.0.0/16` or `2001:db8::/56`.
 *
 * Built with `CidrBlock.parse`, which refuses anything that is not exactly a block (host bits
 * set, prefix out of range, ambiguous octets). Blocks of different families never contain,
 * overlap or equal each other.
 */
export class CidrBlock {
  /**
   * Parse CIDR text (IPv4 dotted quad or any RFC 4291 IPv6 form, with a prefix length).
   *
   * @throws ConnectivityError (`cidr-invalid`) naming the value received, what is wrong with it
   *   and, where one exists, the canonical block it most likely means.
   */
  public static parse(text: string): CidrBlock {
    const r = parseCidrText(text);
    if (!r.ok) {
      return fail('CidrBlock', Rules.CIDR_INVALID, {
        prop: 'block',
        received: JSON.stringify(text),
        rule: r.reason,
        fix: r.canonical !== undefined ? `Use ${r.canonical}.` : undefined,
      });
    }
    return new CidrBlock(r.bits, r.network, r.prefixLength);
  }

  /** Whether `text` is a valid CIDR block, as `CidrBlock.parse` would accept it. */
  public static isValid(text: string): boolean {
    return parseCidrText(text).ok;
  }

  /**
   * Build a block from already-validated parts (network address without host bits).
   * @internal
   */
  public static _fromParts(bits: AddressBits, network: bigint, prefixLength: number): CidrBlock {
    return new CidrBlock(bits, network, prefixLength);
  }

  /** IP family of the block. */
  public readonly family: IpFamily;
  /** Prefix length, 0–32 for IPv4 and 0–128 for IPv6. */
  public readonly prefixLength: number;
  /** First address of the block in canonical text (IPv6 per RFC 5952: lowercase, longest zero run as `::`). */
  public readonly networkAddress: string;
  /** Canonical `address/prefixLength` text. */
  public readonly cidr: string;
  /** Number of addresses in the block, as a decimal string (an IPv6 count does not fit a number). */
  public readonly addressCount: string;
  /**
   * First address of the block.
   * @internal
   */
  public readonly _first: bigint;
  /**
   * Last address of the block.
   * @internal
   */
  public readonly _last: bigint;

  private constructor(bits: AddressBits, network: bigint, prefixLength: number) {
    const size = blockSize(bits, prefixLength);
    this.family = bits === 32 ? IpFamily.IPV4 : IpFamily.IPV6;
    this.prefixLength = prefixLength;
    this._first = network;
    this._last = network + size - 1n;
    this.networkAddress = formatAddress(bits, network);
    this.cidr = formatCidr(bits, network, prefixLength);
    this.addressCount = size.toString();
  }

  /** Whether every address of `other` is in this block (a block contains itself). */
  public contains(other: CidrBlock): boolean {
    return this.family === other.family && this._first <= other._first && other._last <= this._last;
  }

  /** Whether this block and `other` share at least one address. */
  public overlaps(other: CidrBlock): boolean {
    return this.family === other.family && this._first <= other._last && other._first <= this._last;
  }

  /**
   * Whether `other` is the same block (same family, network address and prefix length).
   *
   * Named `isEqual` because jsii reserves `equals` (it clashes with Java's and C#'s own).
   */
  public isEqual(other: CidrBlock): boolean {
    return this.family === other.family && this._first === other._first && this.prefixLength === other.prefixLength;
  }

  /** The canonical `address/prefixLength` text. */
  public toString(): string {
    return this.cidr;
  }
}
