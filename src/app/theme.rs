//! The look of the app in one place: text sizes, spacing and sizes, the colours of badges and
//! findings, and the light and dark themes. Widgets take their colours from `ui.visuals()`:
//! errors `error_fg_color`, warnings `warn_fg_color` (both set here for each theme), complete
//! steps [`ok_colour`].

use egui::{Color32, FontFamily, FontId, Margin, Stroke, TextStyle, Theme, Vec2, Visuals};

/// Width of the steps panel on the left.
pub const STEPS_PANEL_WIDTH: f32 = 330.0;
/// Default width of the check/preview panel on the right.
pub const SIDE_PANEL_WIDTH: f32 = 400.0;
/// Narrowest the check/preview panel may be made.
pub const SIDE_PANEL_MIN_WIDTH: f32 = 300.0;
/// Widest a form may be: wide screens give the form the room, but lines stay readable.
pub const FORM_MAX_WIDTH: f32 = 1000.0;
/// Narrowest the form may become: below this the side panel folds into tabs instead of
/// squeezing the form (labels, buttons and drop-downs stay whole).
pub const FORM_MIN_WIDTH: f32 = 480.0;
/// The side panel takes at most this share of the window.
pub const SIDE_PANEL_MAX_SHARE: f32 = 0.45;
/// Width of the strip of tab buttons that stands in for a folded side panel.
pub const SIDE_TABS_WIDTH: f32 = 132.0;
/// Vertical space between two fields of a form.
pub const FIELD_GAP: f32 = 14.0;
/// Vertical space between two sections of a form.
pub const SECTION_GAP: f32 = 22.0;
/// Space above the steps list.
pub const STEPS_TOP_GAP: f32 = 8.0;
/// Space above the tabs of the right panel.
pub const PANEL_TOP_GAP: f32 = 6.0;
/// Space above a step's title in the form.
pub const FORM_TOP_GAP: f32 = 4.0;
/// Space below the last field of a form.
pub const FORM_BOTTOM_GAP: f32 = 40.0;
/// Space above and below the bottom bar.
pub const BAR_GAP: f32 = 4.0;
/// A small vertical space (under a heading, between paragraphs of a dialog).
pub const SMALL_GAP: f32 = 6.0;
/// Space above a dialog's buttons.
pub const DIALOG_GAP: f32 = 8.0;
/// Widest a dialog may be.
pub const DIALOG_WIDTH: f32 = 520.0;
/// Height of the licence text in "Over Protocolwijzer".
pub const LICENCE_HEIGHT: f32 = 220.0;
/// Height of one row in a long list (data items, findings).
pub const LIST_ROW_HEIGHT: f32 = 26.0;
/// Height of the scrolling part of a long list.
pub const LIST_HEIGHT: f32 = 260.0;
/// The height a finding is assumed to have before it is first shown.
pub const FINDING_HEIGHT_ESTIMATE: f32 = 60.0;
/// Rows of a multi-line text field.
pub const MULTILINE_ROWS: usize = 4;

/// Colour of errors (fouten); widgets read it as `ui.visuals().error_fg_color`.
fn error_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(255, 120, 110)
    } else {
        Color32::from_rgb(176, 28, 28)
    }
}

/// Colour of warnings (waarschuwingen); widgets read it as `ui.visuals().warn_fg_color` (the
/// preview, which takes the theme as a flag, calls this).
fn warning_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(240, 190, 90)
    } else {
        Color32::from_rgb(150, 90, 0)
    }
}

/// Colour of a complete step (egui's visuals have no "ok" colour).
pub fn ok_colour(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
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

/// Applies text sizes, spacing and colours (both themes) and picks the theme.
pub fn apply(ctx: &egui::Context, dark: bool) {
    ctx.set_theme(if dark { Theme::Dark } else { Theme::Light });
    for theme in [Theme::Light, Theme::Dark] {
        ctx.style_mut_of(theme, |style| {
            style.visuals.error_fg_color = error_colour(theme == Theme::Dark);
            style.visuals.warn_fg_color = warning_colour(theme == Theme::Dark);
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
            // Scroll bars take their own room beside the content instead of floating over
            // its right edge, where they covered the end of text fields and lines (steps 2
            // and 5, Wijzigingen).
            style.spacing.scroll = egui::style::ScrollStyle::solid();
            if theme == Theme::Light {
                // Text fields and buttons get a visible edge, so it is clear what can be typed in.
                style.visuals.widgets.inactive.bg_stroke =
                    Stroke::new(1.0, Color32::from_gray(180));
                style.visuals.extreme_bg_color = Color32::WHITE;
            }
        });
    }
}
