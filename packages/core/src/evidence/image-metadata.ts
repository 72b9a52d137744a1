// Metadata read from images (EXIF via exifr): camera, software, times and GPS position. A derived artefact: it is
// stored beside the item with the SHA-256 of the original it came from, and never changes the original.
import exifr from 'exifr';

const PICK = [
  'Make',
  'Model',
  'Software',
  'DateTimeOriginal',
  'CreateDate',
  'ModifyDate',
  'OffsetTimeOriginal',
  'ImageWidth',
  'ImageHeight',
  'ExifImageWidth',
  'ExifImageHeight',
  'latitude',
  'longitude',
  'GPSAltitude',
];

export interface ImageMetadata {
  derivedFrom: string;
  tool: string;
  fields: Record<string, string | number>;
}

export function isExifCandidate(mediaType: string): boolean {
  return /^image\/(jpeg|tiff|heic|heif|png|webp)$/.test(mediaType);
}

/** EXIF facts of an image file, or null when it has none (or is not an image exifr can read). */
export async function readImageMetadata(file: string, sha256: string): Promise<ImageMetadata | null> {
  let parsed: Record<string, unknown> | undefined;
  try {
    parsed = (await exifr.parse(file, {
      gps: true,
      tiff: true,
      exif: true,
      xmp: false,
      icc: false,
      iptc: false,
      // EXIF times carry no zone: keep them as written ("2026:11:14 21:04:10") rather than guess one.
      reviveValues: false,
    })) as Record<string, unknown> | undefined;
  } catch {
    return null;
  }
  if (!parsed) return null;
  const fields: Record<string, string | number> = {};
  for (const key of PICK) {
    const value = parsed[key];
    if (value instanceof Date && !Number.isNaN(value.getTime())) fields[key] = value.toISOString();
    else if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) fields[key] = value;
  }
  if (Object.keys(fields).length === 0) return null;
  return { derivedFrom: sha256, tool: 'exifr 7', fields };
}
