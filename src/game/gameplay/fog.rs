//! Fog of war: the map outside the trainee's visibility polygon (from the
//! simulation's own ray casts) is dimmed. The polygon is rasterised into a
//! small alpha texture (scanline fill, even-odd rule) stretched over the map,
//! so any simple polygon works and the edge comes out soft.

use super::{InWorld, layer};
use crate::domain::Pt;
use crate::game::run::RunSetup;
use crate::sim::SceneViewRes;
use bevy::asset::RenderAssetUsages;
use bevy::image::{ImageSampler, ImageSamplerDescriptor};
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};

/// How dark the fog is (alpha 0..255).
pub const FOG_ALPHA: u8 = 195;
/// Texels per meter (capped so the texture stays under [`MAX_TEXELS`] a side).
pub const TEXELS_PER_M: f32 = 8.0;
/// Largest texture side.
pub const MAX_TEXELS: u32 = 1024;

/// The fog sprite and its texture.
#[derive(Component, Debug, Clone)]
pub struct Fog {
    image: Handle<Image>,
    w: u32,
    h: u32,
    map: Vec2,
    last: Vec<Pt>,
}

/// Sub-scanlines per texel row (vertical anti-aliasing).
const SUBROWS: u32 = 4;

/// Fills `alpha` (`w` x `h`, row 0 at the top of the map) with `fog` outside
/// the polygon and 0 inside, anti-aliased: each texel's alpha falls with the
/// share of it the polygon covers (four sub-scanlines, exact span ends).
/// `map` is the map size in meters.
pub fn rasterize(poly: &[Pt], map: Vec2, w: u32, h: u32, fog: u8, alpha: &mut [u8]) {
    alpha.fill(fog);
    if poly.len() < 3 || w == 0 || h == 0 {
        return;
    }
    let (sx, sy) = (map.x / w as f32, map.y / h as f32);
    let mut xs: Vec<f32> = Vec::with_capacity(16);
    let mut cover = vec![0.0f32; w as usize];
    let share = 1.0 / SUBROWS as f32;
    for row in 0..h {
        cover.fill(0.0);
        for sub in 0..SUBROWS {
            // Texel row 0 is the top edge of the map (largest y).
            let y = map.y - (row as f32 + (sub as f32 + 0.5) * share) * sy;
            xs.clear();
            for i in 0..poly.len() {
                let (a, b) = (poly[i], poly[(i + 1) % poly.len()]);
                if (a.1 > y) != (b.1 > y) {
                    xs.push((a.0 + (y - a.1) / (b.1 - a.1) * (b.0 - a.0)) / sx);
                }
            }
            xs.sort_by(f32::total_cmp);
            for pair in xs.chunks_exact(2) {
                let (x0, x1) = (pair[0].clamp(0.0, w as f32), pair[1].clamp(0.0, w as f32));
                if x1 <= x0 {
                    continue;
                }
                let (c0, c1) = (x0.floor() as usize, (x1.ceil() as usize).min(w as usize));
                for (c, cov) in cover.iter_mut().enumerate().take(c1).skip(c0) {
                    let inside = (x1.min(c as f32 + 1.0) - x0.max(c as f32)).max(0.0);
                    *cov += inside * share;
                }
            }
        }
        let base = (row * w) as usize;
        for (c, cov) in cover.iter().enumerate() {
            alpha[base + c] = (fog as f32 * (1.0 - cov.min(1.0))).round() as u8;
        }
    }
}

fn spawn_fog(
    mut commands: Commands,
    setup: Option<Res<RunSetup>>,
    images: Option<ResMut<Assets<Image>>>,
) {
    let (Some(setup), Some(mut images)) = (setup, images) else {
        return;
    };
    let (mw, mh) = setup.scenario.scenario.map.size;
    let map = Vec2::new(mw.max(1.0), mh.max(1.0));
    let scale = TEXELS_PER_M
        .min(MAX_TEXELS as f32 / map.x)
        .min(MAX_TEXELS as f32 / map.y);
    let (w, h) = ((map.x * scale).ceil() as u32, (map.y * scale).ceil() as u32);
    let mut img = Image::new_fill(
        Extent3d {
            width: w,
            height: h,
            depth_or_array_layers: 1,
        },
        TextureDimension::D2,
        &[0, 0, 0, FOG_ALPHA],
        TextureFormat::Rgba8UnormSrgb,
        RenderAssetUsages::RENDER_WORLD | RenderAssetUsages::MAIN_WORLD,
    );
    img.sampler = ImageSampler::Descriptor(ImageSamplerDescriptor::linear());
    let image = images.add(img);
    commands.spawn((
        DespawnOnExit(InWorld),
        Sprite {
            image: image.clone(),
            custom_size: Some(map),
            color: Color::srgb(0.02, 0.03, 0.06),
            ..default()
        },
        Transform::from_translation((map / 2.0).extend(layer::FOG)),
        Fog {
            image,
            w,
            h,
            map,
            last: Vec::new(),
        },
    ));
}

fn update_fog(
    scene: Res<SceneViewRes>,
    mut fog: Query<&mut Fog>,
    images: Option<ResMut<Assets<Image>>>,
    mut alpha: Local<Vec<u8>>,
) {
    let (Ok(mut fog), Some(mut images)) = (fog.single_mut(), images) else {
        return;
    };
    if fog.last == scene.0.visibility {
        return;
    }
    fog.last.clone_from(&scene.0.visibility);
    alpha.resize((fog.w * fog.h) as usize, 0);
    rasterize(
        &scene.0.visibility,
        fog.map,
        fog.w,
        fog.h,
        FOG_ALPHA,
        &mut alpha,
    );
    let Some(mut img) = images.get_mut(&fog.image) else {
        return;
    };
    let Some(data) = img.data.as_mut() else {
        return;
    };
    for (px, a) in data.chunks_exact_mut(4).zip(alpha.iter()) {
        px[0] = 255;
        px[1] = 255;
        px[2] = 255;
        px[3] = *a;
    }
}

/// Registers the fog.
pub fn plugin(app: &mut App) {
    app.add_systems(OnEnter(InWorld), spawn_fog)
        .add_systems(Update, update_fog.run_if(in_state(InWorld)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_is_clear_and_outside_is_fog() {
        // A 10 x 10 map, a square polygon over its lower-left quarter.
        let poly = [(0.0, 0.0), (5.0, 0.0), (5.0, 5.0), (0.0, 5.0)];
        let mut a = vec![0u8; 100];
        rasterize(&poly, Vec2::new(10.0, 10.0), 10, 10, 200, &mut a);
        let at = |x: usize, y_from_bottom: usize| a[(9 - y_from_bottom) * 10 + x];
        assert_eq!(at(1, 1), 0);
        assert_eq!(at(4, 4), 0);
        assert_eq!(at(6, 1), 200);
        assert_eq!(at(1, 6), 200);
        assert_eq!(a.iter().filter(|&&x| x == 0).count(), 25);
    }

    #[test]
    fn degenerate_polygons_leave_all_fog() {
        let mut a = vec![0u8; 16];
        rasterize(
            &[(1.0, 1.0), (2.0, 2.0)],
            Vec2::new(4.0, 4.0),
            4,
            4,
            9,
            &mut a,
        );
        assert!(a.iter().all(|&x| x == 9));
    }

    #[test]
    fn edges_are_anti_aliased() {
        // A square edge through the middle of a texel column leaves it half fogged.
        let poly = [(0.0, 0.0), (2.5, 0.0), (2.5, 4.0), (0.0, 4.0)];
        let mut a = vec![0u8; 16];
        rasterize(&poly, Vec2::new(4.0, 4.0), 4, 4, 200, &mut a);
        assert_eq!(&a[0..4], &[0, 0, 100, 200]);
    }

    #[test]
    fn polygon_beyond_the_map_is_clipped() {
        let poly = [(-5.0, -5.0), (50.0, -5.0), (50.0, 50.0), (-5.0, 50.0)];
        let mut a = vec![1u8; 64];
        rasterize(&poly, Vec2::new(8.0, 8.0), 8, 8, 9, &mut a);
        assert!(a.iter().all(|&x| x == 0));
    }
}
