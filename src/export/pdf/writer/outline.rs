//! The document outline (bookmarks): level-1 headings at the top, level-2 headings under the
//! level-1 heading before them, each pointing at its heading's height on its page.

use lopdf::{Dictionary, Object, ObjectId, dictionary};

use super::{real, text_string};

/// An outline entry: its title, level and height on its page (PDF coordinates).
pub(super) struct Bookmark {
    pub(super) title: String,
    pub(super) level: u8,
    pub(super) y: f32,
}

/// Adds the outline of `entries` (each with the page it is on); returns the outline root,
/// `None` when there are no entries.
pub(super) fn add(
    doc: &mut lopdf::Document,
    entries: Vec<(ObjectId, Bookmark)>,
) -> Option<ObjectId> {
    if entries.is_empty() {
        return None;
    }
    let root = doc.new_object_id();
    type Entry = (ObjectId, Dictionary);
    let mut tops: Vec<(ObjectId, Dictionary, Vec<Entry>)> = Vec::new();
    for (page, bookmark) in entries {
        let id = doc.new_object_id();
        let dict = dictionary! {
            "Title" => text_string(&bookmark.title),
            "Dest" => vec![
                Object::Reference(page),
                "XYZ".into(),
                Object::Null,
                real(bookmark.y),
                Object::Null,
            ],
        };
        match tops.last_mut() {
            Some((_, _, children)) if bookmark.level >= 2 => children.push((id, dict)),
            _ => tops.push((id, dict, Vec::new())),
        }
    }
    let mut top_level = Vec::new();
    for (id, mut dict, children) in tops {
        if let (Some(first), Some(last)) = (children.first(), children.last()) {
            dict.set("First", first.0);
            dict.set("Last", last.0);
            // Negative: closed, so the outline opens on the articles.
            dict.set("Count", -(children.len() as i64));
        }
        link(doc, id, children);
        top_level.push((id, dict));
    }
    let first = top_level.first().map(|(id, _)| *id)?;
    let last = top_level.last().map(|(id, _)| *id)?;
    let count = top_level.len() as i64;
    link(doc, root, top_level);
    doc.objects.insert(
        root,
        Object::Dictionary(dictionary! {
            "Type" => "Outlines",
            "First" => first,
            "Last" => last,
            "Count" => count,
        }),
    );
    Some(root)
}

/// Stores `siblings` under `parent`, chained with `/Prev` and `/Next`.
fn link(doc: &mut lopdf::Document, parent: ObjectId, mut siblings: Vec<(ObjectId, Dictionary)>) {
    let ids: Vec<ObjectId> = siblings.iter().map(|(id, _)| *id).collect();
    for (index, (id, dict)) in siblings.iter_mut().enumerate() {
        dict.set("Parent", parent);
        if index > 0 {
            dict.set("Prev", ids[index - 1]);
        }
        if let Some(&next) = ids.get(index + 1) {
            dict.set("Next", next);
        }
        doc.objects.insert(*id, Object::Dictionary(dict.clone()));
    }
}
