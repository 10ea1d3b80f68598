//! The data-item table of article 3: per item a label row ("Gegeven N") and its description,
//! proportionality justification, purpose, flows, retention and special category.

use super::Builder;
use crate::document::text::{inline_text, join_names, or_gap, paragraphs_cell};
use crate::document::{Cell, Row, Span, Table};
use crate::dutch::capitalise;

impl Builder<'_> {
    pub(super) fn data_item_table(&self) -> Table {
        let protocol = self.protocol;
        let header = Row {
            cells: vec![
                Cell::line(vec![Span::bold("Gegeven")], true),
                Cell::line(vec![Span::bold("Omschrijving en verantwoording")], true),
            ],
            keep_together: true,
            keep_with_next: false,
        };
        let mut rows = Vec::new();
        for (index, item) in protocol.data_items.iter().enumerate() {
            let first_row = rows.len();
            let number = index + 1;
            let label = |text: &str| Cell::line(vec![Span::bold(text)], true);
            rows.push(Row {
                cells: vec![
                    label(&format!("Gegeven {number}")),
                    paragraphs_cell(
                        &item.description,
                        &format!("omschrijving van gegeven {number}"),
                    ),
                ],
                keep_together: true,
                keep_with_next: false,
            });
            rows.push(Row {
                cells: vec![
                    label("Verantwoording proportionaliteit"),
                    paragraphs_cell(
                        &item.justification,
                        &format!("waarom gegeven {number} noodzakelijk is"),
                    ),
                ],
                keep_together: false,
                keep_with_next: false,
            });
            if !item.purpose.trim().is_empty() {
                rows.push(Row {
                    cells: vec![label("Doel"), paragraphs_cell(&item.purpose, "doel")],
                    keep_together: true,
                    keep_with_next: false,
                });
            }
            let flows: Vec<String> = item
                .flows
                .iter()
                .filter_map(|id| {
                    protocol
                        .flows
                        .iter()
                        .position(|flow| flow.id == *id)
                        .map(|position| protocol.flows[position].name_or_number(position))
                })
                .collect();
            rows.push(Row {
                cells: vec![
                    label("Gegevensstromen"),
                    Cell::line(
                        vec![or_gap(&join_names(&flows), "in welke gegevensstromen")],
                        false,
                    ),
                ],
                keep_together: true,
                keep_with_next: false,
            });
            let retention = if item.retention.trim().is_empty() {
                Cell::line(
                    vec![Span::plain("Zie de algemene bewaartermijn hieronder.")],
                    false,
                )
            } else {
                paragraphs_cell(&item.retention, "bewaartermijn")
            };
            rows.push(Row {
                cells: vec![label("Bewaartermijn"), retention],
                keep_together: true,
                keep_with_next: false,
            });
            if item.special_category.is_special() {
                let mut spans = vec![Span::plain(format!(
                    "{}. ",
                    capitalise(item.special_category.label())
                ))];
                spans.extend(inline_text(
                    &item.special_category_justification,
                    "waarom deze bijzondere categorie nodig en toegestaan is",
                ));
                rows.push(Row {
                    cells: vec![label("Bijzondere categorie"), Cell::line(spans, false)],
                    keep_together: true,
                    keep_with_next: false,
                });
            }
            // An item's rows stay together: all but its last keep with the next.
            let last_row = rows.len().saturating_sub(1);
            for row in &mut rows[first_row..last_row] {
                row.keep_with_next = true;
            }
        }
        Table {
            column_widths: vec![3.0, 7.0],
            header: vec![header],
            rows,
        }
    }
}
