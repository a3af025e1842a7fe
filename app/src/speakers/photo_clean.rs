//! Uploaded photos are decoded and encoded again before they are stored: what a camera or phone
//! wrote beside the pixels (EXIF with GPS position, device serials, XMP, comments, thumbnails) never
//! reaches the public agenda. The EXIF orientation is applied to the pixels first, so a portrait
//! shot stays upright without it.
use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::error::{ImageError, LimitErrorKind};
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use domain::profile::{PhotoProblem, PHOTO_MAX_SIDE};

/// JPEG quality of re-encoded photos: no visible loss at profile sizes.
const JPEG_QUALITY: u8 = 90;
/// Memory the decoder may take (an 8000 × 8000 RGBA picture needs 256 MB).
const MAX_DECODE_BYTES: u64 = 300 * 1024 * 1024;

/// The picture in `bytes` (sniffed as `mime`) without any metadata, and the extension to store it
/// under: JPEG stays JPEG, PNG stays PNG, WebP becomes JPEG (or PNG when it has transparency).
pub fn without_metadata(bytes: &[u8], mime: &str) -> Result<(Vec<u8>, &'static str), PhotoProblem> {
    let format = ImageFormat::from_mime_type(mime).ok_or(PhotoProblem::NotAnImage)?;
    let img = decode(bytes, format).map_err(problem)?;
    let png = format == ImageFormat::Png || (format == ImageFormat::WebP && img.color().has_alpha());
    let mut out = Cursor::new(Vec::new());
    let written = if png {
        let pixels =
            if img.color().has_alpha() { DynamicImage::ImageRgba8(img.to_rgba8()) } else { DynamicImage::ImageRgb8(img.to_rgb8()) };
        pixels.write_with_encoder(PngEncoder::new(&mut out))
    } else {
        DynamicImage::ImageRgb8(img.to_rgb8()).write_with_encoder(JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY))
    };
    written.map_err(|_| PhotoProblem::NotAnImage)?;
    Ok((out.into_inner(), if png { "png" } else { "jpg" }))
}

fn decode(bytes: &[u8], format: ImageFormat) -> Result<DynamicImage, ImageError> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(PHOTO_MAX_SIDE);
    limits.max_image_height = Some(PHOTO_MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder()?;
    let orientation = decoder.orientation()?;
    let mut img = DynamicImage::from_decoder(decoder)?;
    img.apply_orientation(orientation);
    Ok(img)
}

fn problem(e: ImageError) -> PhotoProblem {
    match e {
        ImageError::Limits(l) if matches!(l.kind(), LimitErrorKind::DimensionError | LimitErrorKind::InsufficientMemory) => {
            PhotoProblem::TooManyPixels
        }
        _ => PhotoProblem::NotAnImage,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgb, RgbImage, Rgba, RgbaImage};

    fn jpeg(w: u32, h: u32) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        DynamicImage::ImageRgb8(RgbImage::from_pixel(w, h, Rgb([200, 30, 30]))).write_to(&mut out, ImageFormat::Jpeg).unwrap();
        out.into_inner()
    }

    /// `jpeg` with an APP1 segment holding EXIF (a TIFF structure with one ASCII tag) after SOI.
    fn with_exif(jpeg: &[u8], text: &str) -> Vec<u8> {
        let mut tiff: Vec<u8> = b"MM\0\x2a\0\0\0\x08".to_vec();
        let value = [text.as_bytes(), b"\0"].concat();
        tiff.extend([0, 1]); // one entry
        tiff.extend([0x01, 0x0e, 0, 2]); // ImageDescription, ASCII
        tiff.extend((value.len() as u32).to_be_bytes());
        tiff.extend(26u32.to_be_bytes()); // value offset: after the IFD
        tiff.extend([0, 0, 0, 0]); // no next IFD
        tiff.extend(&value);
        let payload = [b"Exif\0\0".as_slice(), &tiff].concat();
        let mut out = jpeg[..2].to_vec();
        out.extend([0xff, 0xe1]);
        out.extend(((payload.len() + 2) as u16).to_be_bytes());
        out.extend(payload);
        out.extend(&jpeg[2..]);
        out
    }

    #[test]
    fn metadata_is_dropped_and_the_picture_kept() {
        let marked = with_exif(&jpeg(8, 6), "SECRET-CAMERA-NOTE");
        assert!(marked.windows(18).any(|w| w == b"SECRET-CAMERA-NOTE"));
        let (clean, ext) = without_metadata(&marked, "image/jpeg").unwrap();
        assert_eq!(ext, "jpg");
        assert!(!clean.windows(18).any(|w| w == b"SECRET-CAMERA-NOTE"));
        assert!(!clean.windows(4).any(|w| w == b"Exif"));
        let back = image::load_from_memory(&clean).unwrap();
        assert_eq!((back.width(), back.height()), (8, 6));
    }

    #[test]
    fn transparency_is_kept_in_png() {
        let mut png = Cursor::new(Vec::new());
        DynamicImage::ImageRgba8(RgbaImage::from_pixel(3, 3, Rgba([0, 0, 0, 0]))).write_to(&mut png, ImageFormat::Png).unwrap();
        let (clean, ext) = without_metadata(&png.into_inner(), "image/png").unwrap();
        assert_eq!(ext, "png");
        assert!(image::load_from_memory(&clean).unwrap().color().has_alpha());
    }

    #[test]
    fn broken_and_enormous_pictures_are_refused() {
        let mut broken = jpeg(8, 8);
        broken.truncate(40);
        assert_eq!(without_metadata(&broken, "image/jpeg"), Err(PhotoProblem::NotAnImage));
        assert_eq!(without_metadata(b"%PDF", "application/pdf"), Err(PhotoProblem::NotAnImage));
        let mut wide = Cursor::new(Vec::new());
        let pixels = image::GrayImage::new(PHOTO_MAX_SIDE + 1, 1);
        DynamicImage::ImageLuma8(pixels).write_to(&mut wide, ImageFormat::Png).unwrap();
        assert_eq!(without_metadata(&wide.into_inner(), "image/png"), Err(PhotoProblem::TooManyPixels));
    }
}
