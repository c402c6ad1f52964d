// Configured addresses (`FOI Team <foi@example.gov.uk>`, comma-separated officer lists),
// parsed with nodemailer's RFC 5322 address parser rather than a hand-written regex.
import addressparser from 'nodemailer/lib/addressparser';
import { AppError } from '../errors.js';

export interface ConfiguredAddress {
  name: string;
  address: string;
}

const SIMPLE_ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export function parseAddressList(variable: string, value: string): ConfiguredAddress[] {
  const parsed = addressparser(value, { flatten: true });
  if (parsed.length === 0) throw new AppError('config.invalid', `${variable}: no address given`);
  return parsed.map((a) => {
    if (!SIMPLE_ADDRESS.test(a.address)) {
      throw new AppError('config.invalid', `${variable}: "${a.address || a.name}" is not an email address`);
    }
    return { name: a.name, address: a.address.toLowerCase() };
  });
}

export function parseAddress(variable: string, value: string): ConfiguredAddress {
  const list = parseAddressList(variable, value);
  if (list.length !== 1) throw new AppError('config.invalid', `${variable}: exactly one address expected`);
  return list[0]!;
}

export function formatAddress(a: ConfiguredAddress): string {
  return a.name ? `"${a.name.replace(/"/g, '')}" <${a.address}>` : a.address;
}
