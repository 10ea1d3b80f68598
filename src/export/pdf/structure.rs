//! The logical structure the layout records beside the pages, for the tagged publication PDF:
//! a tree of structure elements (Document, headings, paragraphs, lists, tables, notes) in
//! reading order, and on every line of text a [`Mark`] saying which element it belongs to, or
//! that it is an artefact (running header and footer, a repeated table header). The writer
//! turns the marks into marked content and the tree into the `/StructTreeRoot`.

/// The standard structure type of an element (ISO 32000-1, 14.8.4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    Document,
    /// A group of elements with no other meaning (the signature boxes, one box).
    Div,
    H1,
    H2,
    H3,
    P,
    /// A list, with how its items are marked.
    L(Numbering),
    LI,
    Lbl,
    LBody,
    Table,
    TR,
    /// A header cell, heading its column or its row.
    TH(Scope),
    TD,
    /// A footnote's text, at the foot of the page.
    Note,
}

/// What a header cell heads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Scope {
    Column,
    Row,
}

/// A list's `/ListNumbering`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Numbering {
    /// "–": unordered.
    Disc,
    /// "1°", "2°".
    Decimal,
    /// "A.", "B.".
    UpperAlpha,
}

impl Role {
    /// The structure type's name, as in `/S` and the marked-content tag.
    pub(super) fn name(self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::Div => "Div",
            Role::H1 => "H1",
            Role::H2 => "H2",
            Role::H3 => "H3",
            Role::P => "P",
            Role::L(_) => "L",
            Role::LI => "LI",
            Role::Lbl => "Lbl",
            Role::LBody => "LBody",
            Role::Table => "Table",
            Role::TR => "TR",
            Role::TH(_) => "TH",
            Role::TD => "TD",
            Role::Note => "Note",
        }
    }
}

/// One structure element: its role, its parent and its child elements in reading order. An
/// element holds either child elements or content (the lines marked with it), never both, so
/// the order of its kids is never in doubt.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Node {
    pub(super) role: Role,
    pub(super) parent: Option<usize>,
    pub(super) children: Vec<usize>,
}

/// What a line of text (or a shape) is to the structure tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mark {
    /// Content of element `usize` of the [`Structure`].
    Content(usize),
    /// Not content: drawn for the page, not for the text.
    Artifact(Artifact),
}

/// The kinds of artefact on our pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Artifact {
    /// The running header (short title, status, ONTWERP).
    Header,
    /// The running footer (fingerprint, page number).
    Footer,
    /// A table's header rows repeated on a page the table continues on.
    Repeated,
}

/// The structure tree of a document; element 0 is the Document element.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Structure {
    pub(super) nodes: Vec<Node>,
}

/// The Document element.
pub(super) const DOCUMENT: usize = 0;

impl Default for Structure {
    fn default() -> Self {
        Self {
            nodes: vec![Node {
                role: Role::Document,
                parent: None,
                children: Vec::new(),
            }],
        }
    }
}

impl Structure {
    /// Adds an element of `role` as the last child of `parent`; returns it.
    pub(super) fn add(&mut self, parent: usize, role: Role) -> usize {
        let id = self.nodes.len();
        self.nodes.push(Node {
            role,
            parent: Some(parent),
            children: Vec::new(),
        });
        if let Some(parent) = self.nodes.get_mut(parent) {
            parent.children.push(id);
        }
        id
    }

    /// The child of the Document element that `node` lies in (the block it belongs to).
    pub(super) fn block_of(&self, mut node: usize) -> usize {
        while let Some(parent) = self.nodes.get(node).and_then(|n| n.parent) {
            if parent == DOCUMENT {
                return node;
            }
            node = parent;
        }
        node
    }

    /// Adds a Note element right after `block` (a child of the Document element) and after
    /// the notes already added there, so the notes follow the block that refers to them.
    pub(super) fn add_note_after(&mut self, block: usize) -> usize {
        let id = self.nodes.len();
        self.nodes.push(Node {
            role: Role::Note,
            parent: Some(DOCUMENT),
            children: Vec::new(),
        });
        let nodes = &self.nodes;
        let siblings = &nodes[DOCUMENT].children;
        let mut at = siblings
            .iter()
            .position(|&child| child == block)
            .map_or(siblings.len(), |position| position + 1);
        while siblings
            .get(at)
            .is_some_and(|&child| nodes[child].role == Role::Note)
        {
            at += 1;
        }
        self.nodes[DOCUMENT].children.insert(at, id);
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_follow_the_block_that_refers_to_them_in_order() {
        let mut structure = Structure::default();
        let first = structure.add(DOCUMENT, Role::P);
        let list = structure.add(DOCUMENT, Role::L(Numbering::Disc));
        let item = structure.add(list, Role::LI);
        let body = structure.add(item, Role::LBody);
        let last = structure.add(DOCUMENT, Role::P);
        assert_eq!(structure.block_of(body), list);
        let note1 = structure.add_note_after(structure.block_of(body));
        let note2 = structure.add_note_after(list);
        let note0 = structure.add_note_after(first);
        assert_eq!(
            structure.nodes[DOCUMENT].children,
            vec![first, note0, list, note1, note2, last]
        );
    }
}
