//! Procedural images for sprites: a disc and a ring with soft edges, so people
//! and markers need no image files.

use bevy::asset::RenderAssetUsages;
use bevy::image::{ImageSampler, ImageSamplerDescriptor};
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};

/// Handles of the generated images.
#[derive(Resource, Debug, Clone, Default)]
pub struct Shapes {
    /// A white disc.
    pub disc: Handle<Image>,
    /// A white ring (outer radius 1, inner 0.78).
    pub ring: Handle<Image>,
}

/// Alpha of a disc of radius `r` (pixels) at distance `d` from its centre.
fn coverage(d: f32, r: f32) -> f32 {
    (r - d + 0.5).clamp(0.0, 1.0)
}

/// RGBA pixels of a white disc (or ring when `inner > 0`), `n` x `n`.
pub fn disc_pixels(n: u32, inner: f32) -> Vec<u8> {
    let r = n as f32 / 2.0 - 1.0;
    let c = n as f32 / 2.0;
    let mut v = Vec::with_capacity((n * n * 4) as usize);
    for y in 0..n {
        for x in 0..n {
            let d = ((x as f32 + 0.5 - c).powi(2) + (y as f32 + 0.5 - c).powi(2)).sqrt();
            let mut a = coverage(d, r);
            if inner > 0.0 {
                a *= 1.0 - coverage(d, r * inner);
            }
            v.extend_from_slice(&[255, 255, 255, (a * 255.0) as u8]);
        }
    }
    v
}

fn image(n: u32, inner: f32) -> Image {
    let mut img = Image::new(
        Extent3d {
            width: n,
            height: n,
            depth_or_array_layers: 1,
        },
        TextureDimension::D2,
        disc_pixels(n, inner),
        TextureFormat::Rgba8UnormSrgb,
        RenderAssetUsages::RENDER_WORLD,
    );
    img.sampler = ImageSampler::Descriptor(ImageSamplerDescriptor::linear());
    img
}

fn setup(mut commands: Commands, images: Option<ResMut<Assets<Image>>>) {
    let Some(mut images) = images else {
        commands.insert_resource(Shapes::default());
        return;
    };
    commands.insert_resource(Shapes {
        disc: images.add(image(64, 0.0)),
        ring: images.add(image(64, 0.78)),
    });
}

/// Creates the images at startup.
pub fn plugin(app: &mut App) {
    app.add_systems(PreStartup, setup);
}

#[cfg(test)]
mod tests {
    #[test]
    fn disc_is_opaque_inside_and_clear_outside() {
        let px = super::disc_pixels(16, 0.0);
        let alpha = |x: usize, y: usize| px[(y * 16 + x) * 4 + 3];
        assert_eq!(alpha(8, 8), 255);
        assert_eq!(alpha(0, 0), 0);
        let ring = super::disc_pixels(64, 0.78);
        assert_eq!(ring[(32 * 64 + 32) * 4 + 3], 0);
    }
}
