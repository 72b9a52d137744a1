// Thumbnails of image evidence (sharp / libvips): a derived artefact made once at collection, so a list of 200 chat
// photos can be scanned without opening each original. Made from the stored original, carrying its SHA-256; EXIF and
// GPS are not copied into the thumbnail, and orientation is applied so it looks as the phone showed it.
import { createHash } from 'node:crypto';

/** Longest side, pixels: enough to recognise a screenshot or a document photo in a list. */
export const THUMBNAIL_SIZE = 320;

export interface ImageThumbnail {
  derivedFrom: string;
  mediaType: 'image/webp';
  width: number;
  height: number;
  bytes: Buffer;
  sha256: string;
  tool: string;
}

export function isThumbnailCandidate(mediaType: string): boolean {
  return /^image\/(jpeg|png|webp|gif|tiff|avif|heic|heif)$/.test(mediaType);
}

/**
 * A thumbnail of an image file, or null when the file cannot be decoded as an image (damaged, truncated, or not the
 * format its name says): the original is kept either way, it simply has no thumbnail.
 */
export async function makeThumbnail(file: string, sha256: string): Promise<ImageThumbnail | null> {
  // Loaded here: only servers that collect images need libvips in memory.
  const { default: sharp } = await import('sharp');
  let output: { data: Buffer; info: { width: number; height: number } };
  try {
    // failOn 'none': a photo cut short still shows what it holds, as any image viewer would show it.
    output = await sharp(file, { failOn: 'none', animated: false })
      .autoOrient()
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 70 })
      .toBuffer({ resolveWithObject: true });
  } catch {
    return null;
  }
  return {
    derivedFrom: sha256,
    mediaType: 'image/webp',
    width: output.info.width,
    height: output.info.height,
    bytes: output.data,
    sha256: createHash('sha256').update(output.data).digest('hex'),
    tool: `sharp ${sharp.versions.sharp} (libvips ${sharp.versions.vips})`,
  };
}
