//! The regency's logo for letterheads: a PNG file, checked once when it is uploaded and
//! decoded for the PDF (which draws raw pixels) while the Word document embeds the file.

/// Larger files or pictures are refused: a letterhead logo is a few centimetres wide.
pub const MAX_BYTES: usize = 1024 * 1024;
pub const MAX_SIDE: u32 = 2000;

/// Why a logo file is refused, in words for whoever uploaded it.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LogoError {
    #[error("the logo is not a PNG picture")]
    NotPng,
    #[error("the logo is larger than 1 MB")]
    TooLarge,
    #[error("the logo is more than {MAX_SIDE} pixels wide or high")]
    TooManyPixels,
}

/// A decoded logo: 8-bit RGB pixels, row by row, and the alpha channel when it has one.
pub struct Pixels {
    pub width: u32,
    pub height: u32,
    pub rgb: Vec<u8>,
    pub alpha: Option<Vec<u8>>,
}

/// Decodes a PNG file (any colour type and depth, palettes and transparency included).
pub fn decode(file: &[u8]) -> Result<Pixels, LogoError> {
    if file.len() > MAX_BYTES {
        return Err(LogoError::TooLarge);
    }
    let mut decoder = png::Decoder::new(std::io::Cursor::new(file));
    // Palettes and low depths become 8-bit RGB(A) or grey(+alpha); 16-bit becomes 8.
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(|_| LogoError::NotPng)?;
    let info = reader.info();
    if info.width > MAX_SIDE || info.height > MAX_SIDE {
        return Err(LogoError::TooManyPixels);
    }
    let size = reader
        .output_buffer_size()
        .ok_or(LogoError::TooManyPixels)?;
    let mut buffer = vec![0; size];
    let frame = reader
        .next_frame(&mut buffer)
        .map_err(|_| LogoError::NotPng)?;
    buffer.truncate(frame.buffer_size());
    let (width, height) = (frame.width, frame.height);
    let pixels = (width * height) as usize;
    let (rgb, alpha) = match frame.color_type {
        png::ColorType::Rgb => (buffer, None),
        png::ColorType::Rgba => {
            let rgb = buffer
                .chunks_exact(4)
                .flat_map(|p| [p[0], p[1], p[2]])
                .collect();
            let alpha = buffer.chunks_exact(4).map(|p| p[3]).collect();
            (rgb, Some(alpha))
        }
        png::ColorType::Grayscale => (buffer.iter().flat_map(|&g| [g, g, g]).collect(), None),
        png::ColorType::GrayscaleAlpha => {
            let rgb = buffer
                .chunks_exact(2)
                .flat_map(|p| [p[0], p[0], p[0]])
                .collect();
            let alpha = buffer.chunks_exact(2).map(|p| p[1]).collect();
            (rgb, Some(alpha))
        }
        png::ColorType::Indexed => return Err(LogoError::NotPng),
    };
    if rgb.len() != pixels * 3 {
        return Err(LogoError::NotPng);
    }
    Ok(Pixels {
        width,
        height,
        rgb,
        alpha,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A PNG of `width` × `height` pixels, green with a transparent left half.
    pub(crate) fn sample_png(width: u32, height: u32) -> Vec<u8> {
        let mut file = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut file, width, height);
            encoder.set_color(png::ColorType::Rgba);
            encoder.set_depth(png::BitDepth::Eight);
            let mut writer = encoder.write_header().unwrap();
            let data: Vec<u8> = (0..width * height)
                .flat_map(|i| {
                    let alpha = if i % width < width / 2 { 0 } else { 255 };
                    [11, 90, 60, alpha]
                })
                .collect();
            writer.write_image_data(&data).unwrap();
        }
        file
    }

    #[test]
    fn a_logo_decodes_to_pixels_and_bad_files_are_refused() {
        let logo = decode(&sample_png(8, 4)).unwrap();
        assert_eq!((logo.width, logo.height), (8, 4));
        assert_eq!(logo.rgb.len(), 8 * 4 * 3);
        let alpha = logo.alpha.unwrap();
        assert_eq!((alpha[0], alpha[7]), (0, 255));
        assert_eq!(decode(b"GIF89a...").err(), Some(LogoError::NotPng));
        assert_eq!(
            decode(&sample_png(MAX_SIDE + 1, 1)).err(),
            Some(LogoError::TooManyPixels)
        );
        assert_eq!(
            decode(&vec![0; MAX_BYTES + 1]).err(),
            Some(LogoError::TooLarge)
        );
        // A file cut short is refused, not read past its end.
        let png = sample_png(8, 4);
        assert!(decode(&png[..png.len() - 20]).is_err());
    }
}
