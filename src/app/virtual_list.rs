//! A scrolling list of items of different heights that lays out only what is on screen.
//! Heights of items seen before are remembered; unseen ones are estimated. Used for the
//! preview (hundreds of blocks) and the findings list, so a long protocol stays fast.

use egui::{Rect, ScrollArea, Ui, UiBuilder, Vec2, pos2, vec2};

/// The remembered heights of a list's items.
#[derive(Clone, Debug, Default)]
pub struct Heights {
    heights: Vec<f32>,
}

impl Heights {
    /// Forgets every height (the items changed).
    pub fn reset(&mut self) {
        self.heights.clear();
    }

    fn fit(&mut self, len: usize, estimate: f32) {
        self.heights.resize(len, estimate);
    }

    /// The offset of item `index` from the top of the list.
    pub fn offset_of(&self, index: usize) -> f32 {
        self.heights.iter().take(index).sum()
    }
}

/// Shows `len` items in a vertical scroll area; `item` is called only for visible items.
/// `scroll_to` scrolls so that this item is at the top.
pub fn show(
    ui: &mut Ui,
    id_salt: &str,
    heights: &mut Heights,
    len: usize,
    estimate: f32,
    scroll_to: Option<usize>,
    mut item: impl FnMut(&mut Ui, usize),
) {
    heights.fit(len, estimate);
    let gap = ui.spacing().item_spacing.y;
    let mut area = ScrollArea::vertical()
        .id_salt(id_salt)
        .auto_shrink([false, false]);
    if let Some(index) = scroll_to {
        area = area.vertical_scroll_offset(heights.offset_of(index));
    }
    area.show_viewport(ui, |ui, viewport| {
        let total: f32 = heights.heights.iter().sum();
        let origin = ui.max_rect().min;
        let width = ui.available_width();
        let mut y = 0.0;
        let mut index = 0;
        while index < len && y + heights.heights[index] < viewport.min.y {
            y += heights.heights[index];
            index += 1;
        }
        let mut used_bottom = y;
        while index < len && y <= viewport.max.y {
            let rect =
                Rect::from_min_size(pos2(origin.x, origin.y + y), vec2(width, f32::INFINITY));
            let response = ui
                .scope_builder(UiBuilder::new().max_rect(rect).id_salt(index), |ui| {
                    item(ui, index);
                })
                .response;
            let height = response.rect.height() + gap;
            heights.heights[index] = height;
            y += height;
            used_bottom = y;
            index += 1;
        }
        let total = total.max(used_bottom);
        ui.set_min_size(Vec2::new(width, total));
    });
}
