//! The empty signature fields, as `PDF-SIGNING.md` says: per signatory a merged `/Sig` field
//! and widget with a unique `/T`, no `/V`, `/F 4` and an empty appearance stream, listed in
//! its page's `/Annots` and in the catalog's `/AcroForm` (`/SigFlags 1`).

use lopdf::{Dictionary, Object, ObjectId, Stream, dictionary};

use super::{real, text_string};
use crate::document::FieldNames;

/// A signature field to add to a page.
pub(super) struct Field {
    pub(super) name: String,
    /// Lower-left and upper-right corner, PDF coordinates.
    pub(super) rect: [f32; 4],
}

/// The signature fields of the document, in page order.
#[derive(Default)]
pub(super) struct Fields {
    widgets: Vec<Object>,
    names: FieldNames,
}

impl Fields {
    /// Adds `field` on page `page`; returns the widget for the page's `/Annots` and the name
    /// it was given.
    pub(super) fn add(
        &mut self,
        doc: &mut lopdf::Document,
        page: ObjectId,
        field: &Field,
    ) -> (Object, String) {
        let number = self.widgets.len() + 1;
        let name = self
            .names
            .unique(&field.name, &format!("Handtekening_{number}"));
        let [x1, y1, x2, y2] = field.rect;
        let appearance = doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Form",
                "BBox" => vec![real(0.0), real(0.0), real(x2 - x1), real(y2 - y1)],
                "Resources" => Dictionary::new(),
            },
            Vec::new(),
        ));
        let widget = doc.add_object(dictionary! {
            "Type" => "Annot",
            "Subtype" => "Widget",
            "FT" => "Sig",
            "T" => text_string(&name),
            "TU" => text_string(&format!("Handtekening ({})", field.name)),
            "Rect" => vec![real(x1), real(y1), real(x2), real(y2)],
            "P" => page,
            "F" => 4,
            "AP" => dictionary! { "N" => appearance },
        });
        self.widgets.push(Object::Reference(widget));
        (Object::Reference(widget), name)
    }

    /// The catalog's `/AcroForm`, `None` when the document has no signature field.
    pub(super) fn acro_form(self) -> Option<Dictionary> {
        if self.widgets.is_empty() {
            return None;
        }
        Some(dictionary! { "Fields" => self.widgets, "SigFlags" => 1 })
    }
}
