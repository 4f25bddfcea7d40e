//! Colours, fonts and text sizes shared by every screen.
//!
//! The font is DejaVu Sans (Bitstream Vera licence, `assets/fonts/DejaVu-LICENSE.txt`):
//! it covers Latin, Cyrillic and the Kazakh letters (and the letters Kazakh adds to Cyrillic). It is
//! compiled in and installed as the default font, so every `Text` uses it.

use bevy::asset::AssetId;
use bevy::prelude::*;

/// DejaVu Sans, regular.
pub const FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans, bold.
pub const FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// Font handles.
#[derive(Resource, Debug, Clone)]
pub struct Fonts {
    /// Regular weight (also the default font).
    pub regular: Handle<Font>,
    /// Bold weight, for titles and buttons.
    pub bold: Handle<Font>,
}

/// Text sizes in logical pixels, chosen to stay legible at 1280x720.
pub mod size {
    /// Screen titles.
    pub const TITLE: f32 = 34.0;
    /// Section headings.
    pub const HEADING: f32 = 22.0;
    /// Body text.
    pub const BODY: f32 = 17.0;
    /// Small print (hints, labels on the map).
    pub const SMALL: f32 = 14.0;
}

/// Palette.
pub mod color {
    use bevy::prelude::Color;
    /// Screen background.
    pub const BACKGROUND: Color = Color::srgb(0.07, 0.08, 0.10);
    /// Panels.
    pub const PANEL: Color = Color::srgba(0.11, 0.13, 0.16, 0.94);
    /// Panels drawn over the map.
    pub const PANEL_OVER_MAP: Color = Color::srgba(0.05, 0.06, 0.08, 0.82);
    /// Panel borders.
    pub const BORDER: Color = Color::srgb(0.26, 0.30, 0.36);
    /// Main text.
    pub const TEXT: Color = Color::srgb(0.93, 0.94, 0.95);
    /// Secondary text.
    pub const TEXT_DIM: Color = Color::srgb(0.66, 0.70, 0.75);
    /// Accent (selection, headings).
    pub const ACCENT: Color = Color::srgb(0.36, 0.66, 0.98);
    /// Buttons.
    pub const BUTTON: Color = Color::srgb(0.17, 0.20, 0.25);
    /// Hovered buttons.
    pub const BUTTON_HOVER: Color = Color::srgb(0.24, 0.29, 0.36);
    /// Pressed or selected buttons.
    pub const BUTTON_ACTIVE: Color = Color::srgb(0.20, 0.38, 0.62);
    /// Hovered chosen buttons.
    pub const BUTTON_ACTIVE_HOVER: Color = Color::srgb(0.26, 0.46, 0.72);
    /// Good (pass, credit, objective met).
    pub const GOOD: Color = Color::srgb(0.35, 0.80, 0.45);
    /// Bad (fail, breach).
    pub const BAD: Color = Color::srgb(0.95, 0.36, 0.32);
    /// Warning (refusals, alerts).
    pub const WARN: Color = Color::srgb(0.98, 0.76, 0.30);
}

/// A `TextFont` of the given size in the regular font.
pub fn font(size: f32) -> TextFont {
    TextFont {
        font_size: bevy::text::FontSize::Px(size),
        ..default()
    }
}

/// A `TextFont` of the given size in the bold font.
pub fn bold(fonts: &Fonts, size: f32) -> TextFont {
    TextFont {
        font: fonts.bold.clone().into(),
        font_size: bevy::text::FontSize::Px(size),
        ..default()
    }
}

/// Installs the fonts (the regular one as the default font) and the clear colour.
pub fn plugin(app: &mut App) {
    app.insert_resource(ClearColor(color::BACKGROUND));
    let world = app.world_mut();
    let Some(mut fonts) = world.get_resource_mut::<Assets<Font>>() else {
        // Headless test apps without text rendering.
        world.insert_resource(Fonts {
            regular: Handle::default(),
            bold: Handle::default(),
        });
        return;
    };
    let _ = fonts.insert(AssetId::default(), Font::from_bytes(FONT_REGULAR.to_vec()));
    let bold = fonts.add(Font::from_bytes(FONT_BOLD.to_vec()));
    world.insert_resource(Fonts {
        regular: Handle::default(),
        bold,
    });
}
