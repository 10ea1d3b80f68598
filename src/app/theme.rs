//! The look of the app in one place: text sizes, spacing, colours of badges and findings,
//! and the light and dark themes.

use egui::{Color32, FontFamily, FontId, Margin, Stroke, TextStyle, Theme, Vec2};

/// Width of the steps panel on the left.
pub const STEPS_PANEL_WIDTH: f32 = 330.0;
/// Default width of the check/preview panel on the right.
pub const SIDE_PANEL_WIDTH: f32 = 400.0;
/// Widest a form may be, so lines stay readable on wide screens.
pub const FORM_MAX_WIDTH: f32 = 760.0;
/// Vertical space between two fields of a form.
pub const FIELD_GAP: f32 = 14.0;
/// Vertical space between two sections of a form.
pub const SECTION_GAP: f32 = 22.0;
/// Height of one row in a long list (data items, findings).
pub const LIST_ROW_HEIGHT: f32 = 26.0;
/// Height of the scrolling part of a long list.
pub const LIST_HEIGHT: f32 = 260.0;
/// Rows of a multi-line text field.
pub const MULTILINE_ROWS: usize = 4;

/// Colour of errors (fouten).
pub fn error_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(255, 120, 110)
    } else {
        Color32::from_rgb(176, 28, 28)
    }
}

/// Colour of warnings (waarschuwingen).
pub fn warning_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(240, 190, 90)
    } else {
        Color32::from_rgb(150, 90, 0)
    }
}

/// Colour of a complete step.
pub fn ok_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(120, 210, 140)
    } else {
        Color32::from_rgb(25, 120, 50)
    }
}

/// Colour of gaps ("[in te vullen: …]") in the preview.
pub fn gap_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(70, 60, 20)
    } else {
        Color32::from_rgb(255, 240, 170)
    }
}

/// Applies text sizes and spacing (both themes) and picks the theme.
pub fn apply(ctx: &egui::Context, dark: bool) {
    ctx.set_theme(if dark { Theme::Dark } else { Theme::Light });
    for theme in [Theme::Light, Theme::Dark] {
        ctx.style_mut_of(theme, |style| {
            style.text_styles = [
                (
                    TextStyle::Small,
                    FontId::new(12.5, FontFamily::Proportional),
                ),
                (TextStyle::Body, FontId::new(15.0, FontFamily::Proportional)),
                (
                    TextStyle::Button,
                    FontId::new(15.0, FontFamily::Proportional),
                ),
                (
                    TextStyle::Heading,
                    FontId::new(22.0, FontFamily::Proportional),
                ),
                (
                    TextStyle::Monospace,
                    FontId::new(14.0, FontFamily::Monospace),
                ),
            ]
            .into();
            style.spacing.item_spacing = Vec2::new(8.0, 6.0);
            style.spacing.button_padding = Vec2::new(10.0, 4.0);
            style.spacing.interact_size.y = 24.0;
            style.spacing.window_margin = Margin::same(14);
            style.spacing.text_edit_width = FORM_MAX_WIDTH;
            if theme == Theme::Light {
                // Text fields and buttons get a visible edge, so it is clear what can be typed in.
                style.visuals.widgets.inactive.bg_stroke =
                    Stroke::new(1.0, Color32::from_gray(180));
                style.visuals.extreme_bg_color = Color32::WHITE;
            }
        });
    }
}
