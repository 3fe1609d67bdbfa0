import { badUserInput } from '../shared/errors';

/**
 * The rules every staff input shares: trimmed texts of bounded length, whole amounts in range,
 * image URLs that cannot run script, and slugs (the ids of products and categories).
 */
const MAX_SLUG_LENGTH = 100;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_IMAGE_LENGTH = 2048;

/** Trimmed, then `min..max` code points (as comments count them). */
export function text(field: string, value: string, min: number, max: number): string {
  const trimmed = value.trim();
  const length = [...trimmed].length;
  if (length < min || length > max) {
    throw badUserInput(`${field} must be ${min} to ${max} characters after trimming`, { field });
  }
  return trimmed;
}

/** Absent, null or blank is "none". */
export function optionalText(
  field: string,
  value: string | null | undefined,
  max: number,
): string | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  return text(field, value, 1, max);
}

/** An absolute http(s) URL or a path from the site's root: never `javascript:` or `data:`. */
export function optionalImage(value: string | null | undefined): string | undefined {
  const image = optionalText('image', value, MAX_IMAGE_LENGTH);
  if (image === undefined) return undefined;
  // A path from the root; never `//host` or `/\host`, which browsers load from another site.
  if (/^\/(?![/\\])/.test(image) && !image.includes('\\')) return image;
  try {
    const url = new URL(image);
    if (url.protocol === 'https:' || url.protocol === 'http:') return image;
  } catch {
    // Not a URL: refused below.
  }
  throw badUserInput('image must be an http(s) URL or a path starting with /', { field: 'image' });
}

export function amount(field: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw badUserInput(`${field} must be a whole number from 0 to ${max}`, { field });
  }
  return value;
}

export function checkedSlug(field: string, slug: string): string {
  if (slug.length > MAX_SLUG_LENGTH || !SLUG.test(slug)) {
    throw badUserInput(
      `${field} must be at most ${MAX_SLUG_LENGTH} characters of a-z, 0-9 and single dashes`,
      {
        field,
      },
    );
  }
  return slug;
}

/** "Lonely Bird (XL)" → "lonely-bird-xl": accents dropped, anything else between words a dash. */
export function slugOf(name: string, field = 'id'): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
  if (!slug)
    throw badUserInput(
      `name has no letters or digits to make ${field === 'id' ? 'an id' : 'a slug'} from: give one`,
      { field },
    );
  return slug;
}
