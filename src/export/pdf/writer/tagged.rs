//! What makes the publication PDF tagged (PDF/UA-1) and archival (PDF/A-2u): the structure
//! tree (`/StructTreeRoot` with one structure element per node of the layout's
//! [`Structure`], each leaf's marked content as MCIDs, the `/ParentTree` from MCIDs back to
//! elements, an `/IDTree` for the notes) and the sRGB output intent.

use lopdf::{Object, ObjectId, dictionary};

use super::compressed;
use super::content::Tagger;
use crate::export::pdf::structure::{DOCUMENT, Numbering, Role, Scope};

/// The sRGB profile of the output intent (Debian's icc-profiles-free; `assets/icc/`).
const SRGB_PROFILE: &[u8] = include_bytes!("../../../../assets/icc/sRGB.icc");
const SRGB_NAME: &str = "sRGB IEC61966-2.1";

/// The catalog's `/OutputIntents`: PDF/A's sRGB intent, the colour space every colour of our
/// pages (DeviceRGB) is meant in.
pub(super) fn output_intents(doc: &mut lopdf::Document) -> Object {
    let profile = doc.add_object(compressed(dictionary! { "N" => 3 }, SRGB_PROFILE.to_vec()));
    Object::Array(vec![Object::Dictionary(dictionary! {
        "Type" => "OutputIntent",
        "S" => "GTS_PDFA1",
        "OutputConditionIdentifier" => Object::string_literal(SRGB_NAME),
        "Info" => Object::string_literal(SRGB_NAME),
        "RegistryName" => Object::string_literal("http://www.color.org"),
        "DestOutputProfile" => profile,
    })])
}

/// Adds the structure tree of the marked content `tagger` collected, on pages `pages` (by
/// index); returns the `/StructTreeRoot`. Elements with no content and no element under them
/// are left out, except table cells (a table keeps its grid).
pub(super) fn add_structure(
    doc: &mut lopdf::Document,
    tagger: &Tagger,
    pages: &[ObjectId],
) -> ObjectId {
    let structure = tagger.structure();
    let nodes = &structure.nodes;
    // Children come after their parent, so one backward pass decides what is kept.
    let mut keep = vec![false; nodes.len()];
    for index in (0..nodes.len()).rev() {
        let node = &nodes[index];
        keep[index] = index == DOCUMENT
            || matches!(node.role, Role::TD | Role::TH(_) | Role::TR)
            || tagger.content.get(index).is_some_and(|c| !c.is_empty())
            || node.children.iter().any(|&child| keep[child]);
    }
    let root = doc.new_object_id();
    let ids: Vec<Option<ObjectId>> = keep
        .iter()
        .map(|&kept| kept.then(|| doc.new_object_id()))
        .collect();
    let mut notes = Vec::new();
    for (index, node) in nodes.iter().enumerate() {
        let Some(id) = ids[index] else { continue };
        let parent = node.parent.and_then(|parent| ids[parent]).unwrap_or(root);
        let mut element = dictionary! {
            "Type" => "StructElem",
            "S" => node.role.name(),
            "P" => parent,
        };
        let content = tagger.content.get(index).map_or(&[][..], Vec::as_slice);
        let kids: Vec<Object> = if node.children.is_empty() {
            let first_page = content.first().and_then(|(page, _)| pages.get(*page));
            if let Some(&page) = first_page {
                element.set("Pg", page);
            }
            content
                .iter()
                .filter_map(|&(page, mcid)| {
                    let page = *pages.get(page)?;
                    Some(if Some(&page) == first_page {
                        Object::Integer(mcid)
                    } else {
                        Object::Dictionary(dictionary! {
                            "Type" => "MCR",
                            "Pg" => page,
                            "MCID" => mcid,
                        })
                    })
                })
                .collect()
        } else {
            node.children
                .iter()
                .filter_map(|&child| ids[child].map(Object::Reference))
                .collect()
        };
        element.set("K", kids);
        match node.role {
            Role::TH(scope) => element.set(
                "A",
                dictionary! {
                    "O" => "Table",
                    "Scope" => match scope {
                        Scope::Column => "Column",
                        Scope::Row => "Row",
                    },
                },
            ),
            Role::L(numbering) => element.set(
                "A",
                dictionary! {
                    "O" => "List",
                    "ListNumbering" => match numbering {
                        Numbering::Disc => "Disc",
                        Numbering::Decimal => "Decimal",
                        Numbering::UpperAlpha => "UpperAlpha",
                    },
                },
            ),
            Role::Note => {
                // PDF/UA: every Note has an ID.
                let name = format!("voetnoot-{:05}", notes.len() + 1);
                element.set("ID", Object::string_literal(name.clone()));
                notes.push((name, id));
            }
            Role::Document
            | Role::Div
            | Role::H1
            | Role::H2
            | Role::H3
            | Role::P
            | Role::LI
            | Role::Lbl
            | Role::LBody
            | Role::Table
            | Role::TR
            | Role::TD => {}
        }
        doc.objects.insert(id, Object::Dictionary(element));
    }

    let mut nums = Vec::new();
    for (page, mcids) in tagger.pages.iter().enumerate() {
        nums.push(Object::Integer(page as i64));
        let elements: Vec<Object> = mcids
            .iter()
            .map(|&node| {
                ids.get(node)
                    .copied()
                    .flatten()
                    .map_or(Object::Null, Object::Reference)
            })
            .collect();
        nums.push(Object::Array(elements));
    }
    let parent_tree = doc.add_object(dictionary! { "Nums" => nums });
    let mut tree = dictionary! {
        "Type" => "StructTreeRoot",
        "K" => ids[DOCUMENT].map_or(Object::Array(Vec::new()), Object::Reference),
        "ParentTree" => parent_tree,
        "ParentTreeNextKey" => tagger.pages.len() as i64,
    };
    if !notes.is_empty() {
        notes.sort();
        let names: Vec<Object> = notes
            .into_iter()
            .flat_map(|(name, id)| [Object::string_literal(name), Object::Reference(id)])
            .collect();
        tree.set("IDTree", dictionary! { "Names" => names });
    }
    doc.objects.insert(root, Object::Dictionary(tree));
    root
}
