//! Photos are published: before one is stored it is decoded and encoded again, which leaves
//! every metadata block behind (EXIF with the phone's GPS position and serial number, XMP,
//! comments). JPEG stays JPEG; PNG and WebP become PNG (lossless). Very large photos are
//! scaled down to [`MAX_SIDE`] pixels on their longer side.

use std::io::Cursor;

use image::{ImageFormat, ImageReader, Limits};
use suara_domain::musrena::proposal::PhotoType;

/// Longest side kept, in pixels: plenty for a proposal's evidence on any screen.
pub const MAX_SIDE: u32 = 2560;
/// Pixels a photo may have, read from its header before anything is decoded: a phone's
/// camera gives 12 to 24 million; a small file of a huge, plain picture would otherwise take
/// gigabytes to decode.
pub const MAX_PIXELS: u64 = 25_000_000;
/// Memory a decoder may use: a photo of [`MAX_PIXELS`] with four bytes each, and some.
const MAX_DECODE_BYTES: u64 = 128 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum PhotoProblem {
    #[error("the photo could not be read: {0}")]
    Unreadable(String),
    #[error("the photo has {width} × {height} pixels, more than {MAX_PIXELS}")]
    TooManyPixels { width: u32, height: u32 },
}

/// The photo again without its metadata, and its type after re-encoding.
pub fn without_metadata(
    kind: PhotoType,
    bytes: &[u8],
) -> Result<(PhotoType, Vec<u8>), PhotoProblem> {
    let unreadable = |e: image::ImageError| PhotoProblem::Unreadable(e.to_string());
    let format = match kind {
        PhotoType::Jpeg => ImageFormat::Jpeg,
        PhotoType::Png => ImageFormat::Png,
        PhotoType::Webp => ImageFormat::WebP,
    };
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(unreadable)?;
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PhotoProblem::TooManyPixels { width, height });
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut picture = reader.decode().map_err(unreadable)?;
    if picture.width().max(picture.height()) > MAX_SIDE {
        picture = picture.resize(MAX_SIDE, MAX_SIDE, image::imageops::FilterType::Triangle);
    }
    let mut out = Cursor::new(Vec::new());
    let kept = match kind {
        PhotoType::Jpeg => {
            let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85);
            picture
                .to_rgb8()
                .write_with_encoder(encoder)
                .map_err(unreadable)?;
            PhotoType::Jpeg
        }
        PhotoType::Png | PhotoType::Webp => {
            picture
                .write_to(&mut out, ImageFormat::Png)
                .map_err(unreadable)?;
            PhotoType::Png
        }
    };
    Ok((kept, out.into_inner()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small JPEG with an EXIF block holding a GPS position, as a phone would send it.
    fn jpeg_with_exif() -> Vec<u8> {
        let picture =
            image::RgbImage::from_fn(32, 24, |x, y| image::Rgb([x as u8 * 8, y as u8 * 10, 90]));
        let mut plain = Cursor::new(Vec::new());
        image::DynamicImage::ImageRgb8(picture)
            .write_to(&mut plain, ImageFormat::Jpeg)
            .unwrap();
        let plain = plain.into_inner();
        let payload = b"Exif\0\0GPSLatitude -8.05 GPSLongitude 111.71 SerialNumber X123";
        let length = (payload.len() + 2) as u16;
        let mut with = vec![0xFF, 0xD8, 0xFF, 0xE1];
        with.extend(length.to_be_bytes());
        with.extend(payload);
        with.extend(&plain[2..]);
        with
    }

    #[test]
    fn metadata_is_left_behind() {
        let sent = jpeg_with_exif();
        assert!(sent.windows(4).any(|w| w == b"Exif"));
        let (kind, kept) = without_metadata(PhotoType::Jpeg, &sent).unwrap();
        assert_eq!(kind, PhotoType::Jpeg);
        assert!(!kept.windows(4).any(|w| w == b"Exif"));
        assert!(!kept.windows(3).any(|w| w == b"GPS"));
        let again = image::load_from_memory(&kept).unwrap();
        assert_eq!((again.width(), again.height()), (32, 24));
    }

    #[test]
    fn a_huge_picture_is_refused_before_it_is_decoded() {
        // A valid JPEG whose frame header claims 8000 × 7900 pixels (63 million).
        let mut huge = jpeg_with_exif();
        let frame = huge.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
        huge[frame + 5..frame + 7].copy_from_slice(&7900u16.to_be_bytes());
        huge[frame + 7..frame + 9].copy_from_slice(&8000u16.to_be_bytes());
        assert!(matches!(
            without_metadata(PhotoType::Jpeg, &huge),
            Err(PhotoProblem::TooManyPixels {
                width: 8000,
                height: 7900
            })
        ));
    }

    #[test]
    fn broken_photos_are_refused_not_panicked_on() {
        assert!(without_metadata(PhotoType::Jpeg, &[0xFF, 0xD8, 0xFF, 0xE0, 0, 2]).is_err());
        assert!(without_metadata(PhotoType::Png, b"\x89PNG\r\n\x1a\nnot really").is_err());
    }
}
