//! Page layout: the blocks become items (lines, table rows, rows of signature boxes), and the
//! items flow onto A4 pages. Items chained with `keep_with_next` move to the next page
//! together (headings with what follows, the first and last two lines of a paragraph: no
//! lone line at the top or bottom of a page); table rows split only when they may, and a table
//! that crosses a page repeats its header rows.

use std::rc::Rc;

use super::fonts::Face;
use super::structure::{self, Artifact, Mark, Numbering, Role, Structure};
use super::table::{self, RowBox};
use super::text::{self, Alignment, Style, TextLine};
use crate::document::{Block, Document, Heading, List, ListMarker, Paragraph, SignatureBox, Span};

/// A4 in points.
pub(super) const PAGE_WIDTH: f32 = 595.276;
pub(super) const PAGE_HEIGHT: f32 = 841.89;
/// Left and right margin (2.5 cm).
pub(super) const MARGIN_X: f32 = 70.87;
/// The body's top and bottom, measured from the top of the page.
pub(super) const BODY_TOP: f32 = 78.0;
pub(super) const BODY_BOTTOM: f32 = PAGE_HEIGHT - 70.0;
pub(super) const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;

pub(super) const BODY_SIZE: f32 = 10.0;
const PARAGRAPH_GAP: f32 = 5.0;

/// An RGB colour, 0..1.
pub(super) type Rgb = [f32; 3];
pub(super) const GAP_HIGHLIGHT: Rgb = [1.0, 0.9, 0.35];
pub(super) const HEADER_SHADE: Rgb = [0.84, 0.87, 0.91];
pub(super) const CELL_SHADE: Rgb = [0.94, 0.95, 0.96];
pub(super) const RULE: Rgb = [0.35, 0.35, 0.35];

/// Something to draw. Coordinates are points from the top-left corner (of the item while
/// an item is being built, of the page once it is placed).
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Draw {
    /// A line of text with its top-left corner at (`x`, `y`), and what it is to the
    /// structure tree.
    Text {
        x: f32,
        y: f32,
        line: TextLine,
        color: Rgb,
        mark: Mark,
    },
    /// A rectangle, filled and/or stroked.
    Rect {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        fill: Option<Rgb>,
        stroke: Option<(f32, Rgb)>,
    },
    /// A straight line.
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        color: Rgb,
    },
    /// The diagonal "ONTWERP" mark of a draft.
    Watermark,
    /// An entry of the document outline (bookmarks) pointing here.
    Bookmark { title: String, level: u8, y: f32 },
    /// An empty signature field over this rectangle.
    Field {
        name: String,
        x: f32,
        y: f32,
        width: f32,
        height: f32,
    },
}

impl Draw {
    fn moved(mut self, dx: f32, dy: f32) -> Draw {
        match &mut self {
            Draw::Text { x, y, .. } | Draw::Rect { x, y, .. } | Draw::Field { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
            Draw::Bookmark { y, .. } => *y += dy,
            Draw::Line { from, to, .. } => {
                from.0 += dx;
                from.1 += dy;
                to.0 += dx;
                to.1 += dy;
            }
            Draw::Watermark => {}
        }
        self
    }
}

/// One page: what is on it, in painting order.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Page {
    pub(super) draws: Vec<Draw>,
}

/// The laid-out document: its pages, and the structure tree their text is marked with.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Layout {
    pub(super) pages: Vec<Page>,
    pub(super) structure: Structure,
}

/// What an item is, for the page breaker.
#[derive(Clone, Debug)]
enum Kind {
    /// Fixed content.
    Fixed(Vec<Draw>),
    /// A table row: may split, and brings its table's header rows to a new page.
    Row(RowBox),
    /// Start a new page.
    PageBreak,
}

#[derive(Clone, Debug)]
struct Item {
    /// Space above, dropped at the top of a page.
    space_before: f32,
    height: f32,
    keep_with_next: bool,
    kind: Kind,
    /// The footnotes referenced in this item (their lines, laid out for the page foot).
    footnotes: Vec<Footnote>,
}

impl Item {
    fn fixed(height: f32, draws: Vec<Draw>) -> Self {
        Self {
            space_before: 0.0,
            height,
            keep_with_next: false,
            kind: Kind::Fixed(draws),
            footnotes: Vec::new(),
        }
    }

    /// The first structure element the item's text is marked with.
    fn first_element(&self) -> Option<usize> {
        let draws = match &self.kind {
            Kind::Fixed(draws) => draws.clone(),
            Kind::Row(row) => row.draws(),
            Kind::PageBreak => Vec::new(),
        };
        draws.iter().find_map(|draw| match draw {
            Draw::Text {
                mark: Mark::Content(node),
                ..
            } => Some(*node),
            _ => None,
        })
    }

    /// The text the item shows, for finding its footnote marks.
    fn text(&self) -> String {
        fn text_of(draws: &[Draw]) -> String {
            draws
                .iter()
                .filter_map(|draw| match draw {
                    Draw::Text { line, .. } => Some(line),
                    _ => None,
                })
                .flat_map(|line| {
                    line.runs
                        .iter()
                        .flat_map(|run| run.glyphs.iter().map(|g| g.c))
                })
                .collect()
        }
        match &self.kind {
            Kind::Fixed(draws) => text_of(draws),
            Kind::Row(row) => text_of(&row.draws()),
            Kind::PageBreak => String::new(),
        }
    }

    /// The height that must fit for the item to start on this page.
    fn min_height(&self) -> f32 {
        match &self.kind {
            Kind::Row(row) => row.min_height(),
            Kind::Fixed(_) | Kind::PageBreak => self.height,
        }
    }
}

/// Lays out the whole document: pages with their body, header and footer, and the structure
/// tree of their text.
pub(super) fn layout(document: &Document) -> Layout {
    // Footnote references become raised numbers; their texts go to the foot of the page
    // where the number stands.
    let mut blocks = document.blocks.clone();
    let mut notes: Vec<Vec<Span>> = Vec::new();
    for block in &mut blocks {
        block.for_each_line_mut(&mut |line| {
            for span in line.iter_mut() {
                if let Some(note) = span.footnote.take() {
                    notes.push(note);
                    span.text = footnote_mark(notes.len());
                }
            }
        });
    }
    let mut items = Vec::new();
    let mut previous: Option<&Block> = None;
    let mut structure = Builder::default();
    for block in &blocks {
        let start = items.len();
        block_items(block, &mut items, &mut structure);
        if let Some(first) = items.get_mut(start) {
            first.space_before = space_between(previous, block);
        }
        previous = Some(block);
    }
    let mut structure = structure.tree;
    attach_footnotes(&mut items, &notes, &mut structure);
    let mut pages = flow(items);
    decorate(&mut pages, document);
    Layout { pages, structure }
}

/// A footnote's lines at the page foot, with the Note element they are marked with.
type Footnote = (usize, Vec<TextLine>);

/// The structure tree while the blocks are laid out, and whether the title (the one H1) has
/// been seen.
#[derive(Default)]
struct Builder {
    tree: Structure,
    titled: bool,
}

impl Builder {
    /// A new element of `role` under the Document element, as the mark of its lines.
    fn block(&mut self, role: Role) -> Mark {
        Mark::Content(self.tree.add(structure::DOCUMENT, role))
    }

    /// The role of a heading of `level`: the title is the H1, parts and articles are H2 and
    /// below them H3, as in the HTML page. Without a title, headings start at H1.
    fn heading(&self, level: u8) -> Role {
        match (self.titled, level <= 1) {
            (true, true) | (false, false) => Role::H2,
            (true, false) => Role::H3,
            (false, true) => Role::H1,
        }
    }
}

/// Size of a footnote's text.
const FOOTNOTE_SIZE: f32 = 8.0;
/// Room above the footnotes, for the rule that separates them from the body.
const FOOTNOTE_RULE_SPACE: f32 = 10.0;

/// The raised number of footnote `number`: "¹", "¹²".
fn footnote_mark(number: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    number
        .to_string()
        .chars()
        .map(|digit| DIGITS[digit.to_digit(10).unwrap_or(0) as usize])
        .collect()
}

/// Gives each item the footnotes whose marks it shows, in reading order, laid out for the
/// page foot ("¹ Zie bijlage 1."); each note becomes a Note element right after the block
/// that refers to it.
fn attach_footnotes(items: &mut [Item], notes: &[Vec<Span>], structure: &mut Structure) {
    let mut next = 0;
    let mut start = 0;
    while next < notes.len() && start < items.len() {
        let mark = footnote_mark(next + 1);
        let Some(found) = (start..items.len()).find(|at| items[*at].text().contains(&mark)) else {
            break;
        };
        let mut spans = vec![Span::plain(format!("{} ", footnote_mark(next + 1)))];
        spans.extend(notes[next].iter().cloned());
        let lines = text::wrap(
            &spans,
            Style::new(Face::Regular, FOOTNOTE_SIZE),
            TEXT_WIDTH,
            Alignment::Left,
        );
        let block = items[found]
            .first_element()
            .map_or(structure::DOCUMENT, |node| structure.block_of(node));
        let note = structure.add_note_after(block);
        items[found].footnotes.push((note, lines));
        start = found;
        next += 1;
    }
}

fn space_between(previous: Option<&Block>, block: &Block) -> f32 {
    let Some(previous) = previous else {
        return 0.0;
    };
    match (previous, block) {
        (_, Block::Heading(heading)) if heading.level <= 1 => 16.0,
        (_, Block::Heading(_)) => 10.0,
        (Block::Heading(_), _) => 4.0,
        (Block::Title(_), Block::Subtitle(_)) => 10.0,
        (Block::Subtitle(_), Block::Subtitle(_)) => 4.0,
        (Block::Subtitle(_), _) => 18.0,
        (_, Block::Signatures(_)) => 14.0,
        (_, Block::Table(_)) | (Block::Table(_), _) => 8.0,
        _ => PARAGRAPH_GAP,
    }
}

/// Lines of text as items, with widow and orphan control: the first two and the last two
/// lines of a paragraph stay together.
fn line_items(
    lines: Vec<TextLine>,
    x: f32,
    mark: Mark,
    keep_all: bool,
    keep_last: bool,
) -> Vec<Item> {
    let count = lines.len();
    lines
        .into_iter()
        .enumerate()
        .map(|(index, line)| {
            let height = line.height;
            let mut draws = highlights(&line, x, 0.0);
            draws.push(Draw::Text {
                x,
                y: 0.0,
                line,
                color: [0.0; 3],
                mark,
            });
            Item {
                keep_with_next: keep_all
                    || (index + 1 == count && keep_last)
                    || (index == 0 && count >= 2)
                    || (count >= 3 && index + 2 == count),
                ..Item::fixed(height, draws)
            }
        })
        .collect()
}

/// The highlight rectangles behind the gap markers of a line at (`x`, `y`).
pub(super) fn highlights(line: &TextLine, x: f32, y: f32) -> Vec<Draw> {
    line.runs
        .iter()
        .filter(|run| run.style.gap)
        .map(|run| Draw::Rect {
            x: x + run.x - 0.5,
            y: y + line.baseline - run.style.size * 0.92,
            width: run.width + 1.0,
            height: run.style.size * 1.18,
            fill: Some(GAP_HIGHLIGHT),
            stroke: None,
        })
        .collect()
}

fn block_items(block: &Block, items: &mut Vec<Item>, structure: &mut Builder) {
    match block {
        Block::Title(spans) => {
            let lines = text::wrap(
                spans,
                Style::new(Face::Bold, 16.0),
                TEXT_WIDTH,
                Alignment::Center,
            );
            // The first title is the document's one H1; a later one is a paragraph.
            let mark = structure.block(if structure.titled { Role::P } else { Role::H1 });
            structure.titled = true;
            items.extend(line_items(lines, MARGIN_X, mark, true, true));
        }
        Block::Subtitle(spans) => {
            let lines = text::wrap(
                spans,
                Style::new(Face::Regular, 11.5),
                TEXT_WIDTH,
                Alignment::Center,
            );
            let mark = structure.block(Role::P);
            items.extend(line_items(lines, MARGIN_X, mark, true, true));
        }
        Block::Heading(heading) => {
            let mark = structure.block(structure.heading(heading.level));
            heading_items(heading, items, mark);
        }
        Block::Paragraph(paragraph) => {
            let mark = structure.block(Role::P);
            paragraph_items(paragraph, items, mark);
        }
        Block::List(list) => list_items(list, items, &mut structure.tree),
        Block::Table(table) => {
            let rows = table::rows(table, MARGIN_X, TEXT_WIDTH, &mut structure.tree);
            items.extend(rows.into_iter().map(|row| Item {
                space_before: 0.0,
                height: row.height(),
                keep_with_next: row.is_header() || row.keep_with_next(),
                kind: Kind::Row(row),
                footnotes: Vec::new(),
            }));
        }
        Block::Signatures(boxes) => {
            // "Opgemaakt te …" stays with the first row of signatures.
            if let Some(last) = items.last_mut() {
                last.keep_with_next = true;
            }
            signature_items(boxes, items, &mut structure.tree)
        }
        Block::PageBreak => items.push(Item {
            kind: Kind::PageBreak,
            ..Item::fixed(0.0, Vec::new())
        }),
    }
}

fn heading_items(heading: &Heading, items: &mut Vec<Item>, mark: Mark) {
    let size = if heading.level <= 1 { 12.5 } else { 11.0 };
    let lines = text::wrap(
        &[Span::plain(heading.text.clone())],
        Style::new(Face::Bold, size),
        TEXT_WIDTH,
        Alignment::Left,
    );
    let start = items.len();
    items.extend(line_items(lines, MARGIN_X, mark, true, true));
    if let Some(Item {
        kind: Kind::Fixed(draws),
        ..
    }) = items.get_mut(start)
    {
        draws.push(Draw::Bookmark {
            title: heading.text.clone(),
            level: heading.level,
            y: -4.0,
        });
    }
}

fn paragraph_items(paragraph: &Paragraph, items: &mut Vec<Item>, mark: Mark) {
    let lines = text::wrap(
        &paragraph.spans,
        Style::new(Face::Regular, BODY_SIZE),
        TEXT_WIDTH,
        paragraph.align.into(),
    );
    items.extend(line_items(
        lines,
        MARGIN_X,
        mark,
        false,
        paragraph.keep_with_next,
    ));
}

/// The Lbl and LBody of a new list item of `list`: a text-only item's body holds its lines,
/// one with nested items holds a P (its lines) and the nested L.
fn list_item(structure: &mut Structure, list: usize, nested: bool) -> (Mark, Mark, usize) {
    let item = structure.add(list, Role::LI);
    let label = Mark::Content(structure.add(item, Role::Lbl));
    let body = structure.add(item, Role::LBody);
    if nested {
        let text = structure.add(body, Role::P);
        (label, Mark::Content(text), body)
    } else {
        (label, Mark::Content(body), body)
    }
}

fn list_items(list: &List, items: &mut Vec<Item>, structure: &mut Structure) {
    const INDENT: f32 = 20.0;
    const CHILD_INDENT: f32 = 38.0;
    let style = Style::new(Face::Regular, BODY_SIZE);
    let numbering = match list.marker {
        ListMarker::Bullet => Numbering::Disc,
        ListMarker::Number => Numbering::Decimal,
        ListMarker::Letter => Numbering::UpperAlpha,
    };
    let list_node = structure.add(structure::DOCUMENT, Role::L(numbering));
    for (index, item) in list.items.iter().enumerate() {
        let marker = list.marker.label(index);
        let start = items.len();
        let (label, text, body) = list_item(structure, list_node, !item.children.is_empty());
        let lines = text::wrap(&item.spans, style, TEXT_WIDTH - INDENT, Alignment::Justify);
        items.extend(line_items(lines, MARGIN_X + INDENT, text, false, false));
        add_marker(items, start, &marker, MARGIN_X, style, label);
        if index > 0
            && let Some(first) = items.get_mut(start)
        {
            first.space_before = 3.0;
        }
        let nested = if item.children.is_empty() {
            None
        } else {
            Some(structure.add(body, Role::L(Numbering::Disc)))
        };
        for child in &item.children {
            let start = items.len();
            let (label, text, _) = list_item(structure, nested.unwrap_or(body), false);
            let lines = text::wrap(child, style, TEXT_WIDTH - CHILD_INDENT, Alignment::Justify);
            items.extend(line_items(
                lines,
                MARGIN_X + CHILD_INDENT,
                text,
                false,
                false,
            ));
            add_marker(
                items,
                start,
                ListMarker::NESTED,
                MARGIN_X + INDENT + 2.0,
                style,
                label,
            );
            if let Some(first) = items.get_mut(start) {
                first.space_before = 2.0;
            }
        }
    }
}

fn add_marker(items: &mut [Item], at: usize, marker: &str, x: f32, style: Style, mark: Mark) {
    if let Some(Item {
        kind: Kind::Fixed(draws),
        ..
    }) = items.get_mut(at)
    {
        let mut lines = text::wrap(&[Span::plain(marker)], style, 60.0, Alignment::Left);
        if let Some(line) = lines.pop() {
            // Before the item's text, so that it comes first in the content stream.
            draws.insert(
                0,
                Draw::Text {
                    x,
                    y: 0.0,
                    line,
                    color: [0.0; 3],
                    mark,
                },
            );
        }
    }
}

/// Rows of two signature boxes; a box never splits. In the structure tree the block is a Div
/// of one Div per box, with a P for the party, the function, the name and the caption.
fn signature_items(boxes: &[SignatureBox], items: &mut Vec<Item>, structure: &mut Structure) {
    let block = structure.add(structure::DOCUMENT, Role::Div);
    const GUTTER: f32 = 18.0;
    const PADDING: f32 = 8.0;
    const SIGN_AREA: f32 = 62.0;
    let width = (TEXT_WIDTH - GUTTER) / 2.0;
    let inner = width - 2.0 * PADDING;
    let mut first = true;
    for pair in boxes.chunks(2) {
        type Lines = Vec<(Mark, TextLine)>;
        let contents: Vec<(Lines, Mark, &SignatureBox)> = pair
            .iter()
            .map(|signature| {
                let signatory = structure.add(block, Role::Div);
                let mut paragraph = || Mark::Content(structure.add(signatory, Role::P));
                let party: Vec<Span> = signature
                    .party
                    .iter()
                    .map(|span| Span {
                        bold: true,
                        ..span.clone()
                    })
                    .collect();
                let mark = paragraph();
                let mut lines: Lines = text::wrap(
                    &party,
                    Style::new(Face::Bold, BODY_SIZE),
                    inner,
                    Alignment::Left,
                )
                .into_iter()
                .map(|line| (mark, line))
                .collect();
                for spans in [&signature.function, &signature.name] {
                    let mark = paragraph();
                    lines.extend(
                        text::wrap(
                            spans,
                            Style::new(Face::Regular, BODY_SIZE),
                            inner,
                            Alignment::Left,
                        )
                        .into_iter()
                        .map(|line| (mark, line)),
                    );
                }
                (lines, paragraph(), signature)
            })
            .collect();
        let text_height = contents
            .iter()
            .map(|(lines, _, _)| lines.iter().map(|(_, line)| line.height).sum::<f32>())
            .fold(0.0, f32::max);
        let height = PADDING + text_height + 6.0 + SIGN_AREA + PADDING;
        let mut draws = Vec::new();
        for (column, (lines, caption, signature)) in contents.into_iter().enumerate() {
            let x = MARGIN_X + column as f32 * (width + GUTTER);
            draws.push(Draw::Rect {
                x,
                y: 0.0,
                width,
                height,
                fill: None,
                stroke: Some((0.6, RULE)),
            });
            let mut y = PADDING;
            for (mark, line) in lines {
                let line_height = line.height;
                draws.extend(highlights(&line, x + PADDING, y));
                draws.push(Draw::Text {
                    x: x + PADDING,
                    y,
                    line,
                    color: [0.0; 3],
                    mark,
                });
                y += line_height;
            }
            let area_y = height - PADDING - SIGN_AREA;
            draws.push(Draw::Rect {
                x: x + PADDING,
                y: area_y,
                width: inner,
                height: SIGN_AREA,
                fill: Some([0.97, 0.97, 0.98]),
                stroke: Some((0.4, [0.7, 0.7, 0.7])),
            });
            let mut label = text::wrap(
                &[Span::italic("Handtekening")],
                Style::new(Face::Italic, 7.5),
                inner,
                Alignment::Left,
            );
            if let Some(line) = label.pop() {
                draws.push(Draw::Text {
                    x: x + PADDING + 3.0,
                    y: area_y + 2.0,
                    line,
                    color: [0.45, 0.45, 0.45],
                    mark: caption,
                });
            }
            draws.push(Draw::Field {
                name: signature.field_name.clone(),
                x: x + PADDING,
                y: area_y,
                width: inner,
                height: SIGN_AREA,
            });
        }
        items.push(Item {
            space_before: if first { 0.0 } else { 12.0 },
            ..Item::fixed(height, draws)
        });
        first = false;
    }
}

struct Flow {
    pages: Vec<Page>,
    page: Page,
    y: f32,
    /// The header rows of the table whose rows are being placed.
    table_header: Option<Rc<Vec<RowBox>>>,
    /// The footnotes of this page, for its foot.
    footnotes: Vec<Footnote>,
}

impl Flow {
    fn at_top(&self) -> bool {
        self.y <= BODY_TOP
    }

    /// Where the body of this page ends: above its footnotes.
    fn bottom(&self) -> f32 {
        BODY_BOTTOM - footnotes_height(&self.footnotes)
    }

    fn new_page(&mut self) {
        self.finish_page();
        self.pages.push(std::mem::take(&mut self.page));
        self.y = BODY_TOP;
    }

    /// Draws the page's footnotes at its foot, under a short rule.
    fn finish_page(&mut self) {
        let notes = std::mem::take(&mut self.footnotes);
        if notes.is_empty() {
            return;
        }
        let mut y = BODY_BOTTOM - footnotes_height(&notes);
        self.page.draws.push(Draw::Rect {
            x: MARGIN_X,
            y: y + 3.0,
            width: 120.0,
            height: 0.5,
            fill: Some([0.5; 3]),
            stroke: None,
        });
        y += FOOTNOTE_RULE_SPACE;
        for (note, lines) in notes {
            for line in lines {
                let height = line.height;
                self.page.draws.push(Draw::Text {
                    x: MARGIN_X,
                    y,
                    line,
                    color: [0.0; 3],
                    mark: Mark::Content(note),
                });
                y += height;
            }
        }
    }

    fn place(&mut self, draws: Vec<Draw>, height: f32) {
        let y = self.y;
        self.page
            .draws
            .extend(draws.into_iter().map(|draw| draw.moved(0.0, y)));
        self.y += height;
    }

    /// Continues a table on a fresh page: its header rows first, as artefacts (the table's
    /// structure has them once, where the table starts).
    fn repeat_header(&mut self) {
        if let Some(header) = self.table_header.clone() {
            for row in header.iter() {
                let height = row.height();
                self.place(row.repeated().draws(), height);
            }
        }
    }
}

/// The room footnotes take at a page's foot, with the rule above them.
fn footnotes_height(notes: &[Footnote]) -> f32 {
    footnotes_height_with(notes, &[])
}

/// The room the page's `notes` and an item's `more` take together.
fn footnotes_height_with(notes: &[Footnote], more: &[Footnote]) -> f32 {
    if notes.is_empty() && more.is_empty() {
        return 0.0;
    }
    FOOTNOTE_RULE_SPACE
        + notes
            .iter()
            .chain(more)
            .flat_map(|(_, lines)| lines)
            .map(|line| line.height)
            .sum::<f32>()
}

fn flow(items: Vec<Item>) -> Vec<Page> {
    let body = BODY_BOTTOM - BODY_TOP;
    let mut flow = Flow {
        pages: Vec::new(),
        page: Page::default(),
        y: BODY_TOP,
        table_header: None,
        footnotes: Vec::new(),
    };
    let mut queue: std::collections::VecDeque<Item> = items.into();
    while let Some(item) = queue.pop_front() {
        let space = if flow.at_top() {
            0.0
        } else {
            item.space_before
        };
        match item.kind {
            Kind::PageBreak => {
                if !flow.at_top() {
                    flow.new_page();
                }
                continue;
            }
            Kind::Fixed(_) | Kind::Row(_) => {}
        }
        // The chain this item starts: it moves to the next page as a whole if it does not
        // fit here but would fit on an empty page.
        let mut chain = space + item.min_height();
        if item.keep_with_next {
            chain = space + item.height;
            for next in queue.iter() {
                chain += next.space_before;
                if !next.keep_with_next {
                    chain += next.min_height();
                    break;
                }
                chain += next.height;
            }
        }
        // An item with footnotes needs room for them at this page's foot too.
        let notes_room = footnotes_height_with(&flow.footnotes, &item.footnotes)
            - footnotes_height(&flow.footnotes);
        if flow.y + chain + notes_room > flow.bottom() && !flow.at_top() && chain - space <= body {
            flow.new_page();
            if let Kind::Row(row) = &item.kind
                && !row.is_header()
                && !row.is_first()
            {
                flow.repeat_header();
            }
        }
        let space = if flow.at_top() { 0.0 } else { space };
        flow.y += space;
        let item_notes = item.footnotes;
        match item.kind {
            Kind::Fixed(draws) => {
                flow.table_header = None;
                if flow.y + item.height
                    > BODY_BOTTOM - footnotes_height_with(&flow.footnotes, &item_notes)
                    && !flow.at_top()
                {
                    flow.new_page();
                }
                flow.footnotes.extend(item_notes);
                flow.place(draws, item.height);
            }
            Kind::Row(row) => {
                if row.is_first() {
                    flow.table_header = Some(row.header());
                }
                // A row's notes go with the page where the row starts.
                flow.footnotes.extend(item_notes);
                place_row(&mut flow, row);
            }
            Kind::PageBreak => {}
        }
    }
    flow.finish_page();
    if !flow.page.draws.is_empty() || flow.pages.is_empty() {
        flow.pages.push(flow.page);
    }
    flow.pages
}

/// Places a table row, splitting it over pages where it may (or must) split.
fn place_row(flow: &mut Flow, mut row: RowBox) {
    loop {
        let height = row.height();
        if flow.y + height <= flow.bottom() + 0.01 {
            flow.place(row.draws(), height);
            return;
        }
        let header_height: f32 = flow
            .table_header
            .as_ref()
            .map(|rows| rows.iter().map(RowBox::height).sum())
            .unwrap_or(0.0);
        let fits_on_a_page =
            height <= BODY_BOTTOM - BODY_TOP - header_height - footnotes_height(&flow.footnotes);
        let may_split = !row.is_header() && (!row.keep_together() || !fits_on_a_page);
        if may_split && let Some((head, rest)) = row.split(flow.bottom() - flow.y) {
            let head_height = head.height();
            flow.place(head.draws(), head_height);
            flow.new_page();
            flow.repeat_header();
            row = rest;
            continue;
        }
        if flow.at_top() || flow.y <= BODY_TOP + header_height + 0.01 {
            // Nothing more can be done: a header row taller than a page, or no line fits.
            flow.place(row.draws(), height);
            return;
        }
        flow.new_page();
        if !row.is_header() {
            flow.repeat_header();
        }
    }
}

/// Header, footer and the draft mark on every page.
fn decorate(pages: &mut [Page], document: &Document) {
    let metadata = &document.metadata;
    let count = pages.len();
    let small = Style::new(Face::Regular, 8.0);
    let line = |text: String, style: Style, width: f32, align: Alignment| -> TextLine {
        text::wrap(&[Span::plain(text)], style, width, align)
            .into_iter()
            .next()
            .unwrap_or_default()
    };
    for (index, page) in pages.iter_mut().enumerate() {
        let mut draws = Vec::new();
        let draft = metadata.status.is_draft();
        if draft {
            draws.push(Draw::Watermark);
        }
        let header_y = 40.0;
        let status = metadata.status.label();
        let status = if status.is_empty() {
            String::new()
        } else {
            format!("Status: {status}")
        };
        // The short title takes what it needs up to half the width; the status (right) and the
        // draft mark share the rest, cut with "…" rather than running into each other.
        let draft_width = if draft { 70.0 } else { 0.0 };
        let title_width = text::width(&metadata.short_title, small).min(TEXT_WIDTH * 0.5);
        let status = cut_to_width(
            &status,
            small,
            TEXT_WIDTH - title_width - draft_width - 12.0,
        );
        let status_width = text::width(&status, small);
        draws.push(Draw::Text {
            x: MARGIN_X,
            y: header_y,
            line: first_line(
                &metadata.short_title,
                small,
                TEXT_WIDTH - status_width - draft_width - 12.0,
            ),
            color: [0.3; 3],
            mark: Mark::Artifact(Artifact::Header),
        });
        if draft {
            draws.push(Draw::Text {
                x: MARGIN_X,
                y: header_y - 1.0,
                line: line(
                    "ONTWERP".to_string(),
                    Style::new(Face::Bold, 9.0),
                    TEXT_WIDTH - status_width - 12.0,
                    Alignment::Right,
                ),
                color: [0.75, 0.1, 0.1],
                mark: Mark::Artifact(Artifact::Header),
            });
        }
        draws.push(Draw::Text {
            x: MARGIN_X,
            y: header_y,
            line: line(status, small, TEXT_WIDTH, Alignment::Right),
            color: [0.3; 3],
            mark: Mark::Artifact(Artifact::Header),
        });
        draws.push(Draw::Line {
            from: (MARGIN_X, header_y + 14.0),
            to: (PAGE_WIDTH - MARGIN_X, header_y + 14.0),
            width: 0.5,
            color: [0.55; 3],
        });
        let footer_y = PAGE_HEIGHT - 52.0;
        draws.push(Draw::Line {
            from: (MARGIN_X, footer_y - 4.0),
            to: (PAGE_WIDTH - MARGIN_X, footer_y - 4.0),
            width: 0.5,
            color: [0.55; 3],
        });
        let fingerprint = if metadata.fingerprint.is_empty() {
            String::new()
        } else {
            format!("Vingerafdruk inhoud: {}", metadata.fingerprint)
        };
        draws.push(Draw::Text {
            x: MARGIN_X,
            y: footer_y,
            line: line(fingerprint, small, TEXT_WIDTH * 0.6, Alignment::Left),
            color: [0.3; 3],
            mark: Mark::Artifact(Artifact::Footer),
        });
        draws.push(Draw::Text {
            x: MARGIN_X,
            y: footer_y,
            line: line(
                format!("Pagina {} van {}", index + 1, count),
                small,
                TEXT_WIDTH,
                Alignment::Right,
            ),
            color: [0.3; 3],
            mark: Mark::Artifact(Artifact::Footer),
        });
        draws.append(&mut page.draws);
        page.draws = draws;
    }
}

/// `text` cut to `width`, with "…" when it was cut.
fn cut_to_width(text: &str, style: Style, width: f32) -> String {
    let width = width.max(20.0);
    if text::width(text, style) <= width {
        return text.to_string();
    }
    let room = width - text::width("…", style);
    let mut cut = String::new();
    let mut used = 0.0;
    for c in text.chars() {
        used += text::width(c.encode_utf8(&mut [0; 4]), style);
        if used > room {
            break;
        }
        cut.push(c);
    }
    // Cut between words where a word boundary is within reach, not in the middle of a word.
    let at_word = match text[cut.len()..].chars().next() {
        Some(next) if !next.is_whitespace() => cut.rfind(char::is_whitespace),
        _ => None,
    };
    if let Some(space) = at_word.filter(|space| *space > 0) {
        cut.truncate(space);
    }
    format!("{}…", cut.trim_end())
}

/// The first line of `text` cut to `width`, with "…" when it was cut.
fn first_line(text: &str, style: Style, width: f32) -> TextLine {
    text::wrap(
        &[Span::plain(cut_to_width(text, style, width))],
        style,
        width.max(20.0) * 2.0,
        Alignment::Left,
    )
    .into_iter()
    .next()
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    //! Pagination: each test lays out a small tree after fillers of every height up to more
    //! than a page, in steps of 2 points, so that the page break falls at every point of what
    //! is tested.

    use super::*;
    use crate::document::{Cell, Metadata, Row, Table};

    /// The filler variants: `fillers / 9` one-line paragraphs (18.2 points each) after a list
    /// of `fillers % 9` one-line items (16.2 points each after the first).
    const FILLERS: std::ops::Range<usize> = 0..9 * 45;

    /// Regression guard: the header once cut the short title in the middle of a word.
    #[test]
    fn a_header_text_is_cut_between_words() {
        let style = Style::new(Face::Regular, 8.0);
        let title = "Protocol kansentarief Vijfdorpen – Opgroeien regie";
        let width = text::width("Protocol kansentarief Vijfd", style);
        let cut = cut_to_width(title, style, width);
        assert_eq!(cut, "Protocol kansentarief…");
        assert_eq!(cut_to_width(title, style, 1000.0), title);
        // One word longer than the room is still cut, by character.
        let long = cut_to_width("Kansentariefvijfdorpenopgroeienregie", style, 40.0);
        assert!(long.ends_with('…') && long.len() > "…".len());
    }

    fn paragraph(text: &str) -> Block {
        Block::Paragraph(Paragraph {
            spans: vec![Span::plain(text)],
            ..Paragraph::default()
        })
    }

    fn heading(text: &str) -> Block {
        Block::Heading(Heading {
            level: 1,
            text: text.to_string(),
            step: None,
        })
    }

    /// One signatory's box, its function and name still to be filled in.
    fn signature(party: &str) -> SignatureBox {
        SignatureBox {
            party: vec![Span::plain(format!("Voor {party}"))],
            function: vec![Span::gap("functie")],
            name: vec![Span::gap("naam")],
            field_name: format!("Handtekening_{party}_1"),
        }
    }

    fn row(paragraphs: &[String], keep_together: bool) -> Row {
        Row {
            cells: vec![
                Cell {
                    paragraphs: paragraphs
                        .iter()
                        .map(|text| vec![Span::plain(text)])
                        .collect(),
                    shaded: false,
                },
                Cell {
                    paragraphs: vec![vec![Span::plain("Uitleg")]],
                    shaded: false,
                },
            ],
            keep_together,
            keep_with_next: false,
        }
    }

    fn table(rows: Vec<Row>) -> Block {
        Block::Table(Table {
            column_widths: vec![1.0, 2.0],
            header: vec![row(&["Kop".to_string()], false)],
            rows,
        })
    }

    /// The pages of filler variant `fillers` followed by `blocks`.
    fn pages(fillers: usize, blocks: &[Block]) -> Vec<Page> {
        let mut all = Vec::new();
        let list_items = fillers % 9;
        if list_items > 0 {
            all.push(Block::List(List {
                marker: ListMarker::Bullet,
                items: (0..list_items)
                    .map(|_| crate::document::ListItem {
                        spans: vec![Span::plain("Vulpunt")],
                        children: Vec::new(),
                    })
                    .collect(),
            }));
        }
        all.extend((0..fillers / 9).map(|_| paragraph("Vulregel")));
        all.extend_from_slice(blocks);
        layout(&Document {
            metadata: Metadata::default(),
            blocks: all,
        })
        .pages
    }

    fn text_of(line: &TextLine) -> String {
        line.runs
            .iter()
            .flat_map(|run| run.glyphs.iter().map(|glyph| glyph.c))
            .collect()
    }

    /// The body's lines of text on `page` (header and footer left out), top to bottom.
    fn body_lines(page: &Page) -> Vec<(f32, String)> {
        let mut lines: Vec<(f32, String)> = page
            .draws
            .iter()
            .filter_map(|draw| match draw {
                Draw::Text { y, line, .. } if *y >= BODY_TOP - 0.5 && *y < BODY_BOTTOM => {
                    Some((*y, text_of(line)))
                }
                _ => None,
            })
            .collect();
        lines.sort_by(|a, b| a.0.total_cmp(&b.0));
        lines
    }

    /// How many body lines on each page contain `needle`.
    fn counts(pages: &[Page], needle: &str) -> Vec<usize> {
        pages
            .iter()
            .map(|page| {
                body_lines(page)
                    .iter()
                    .filter(|(_, text)| text.contains(needle))
                    .count()
            })
            .collect()
    }

    #[test]
    fn the_structure_follows_the_blocks_and_a_repeated_table_header_is_an_artefact() {
        let rows: Vec<Row> = (1..=80)
            .map(|number| row(&[format!("Rij {number}")], false))
            .collect();
        let layout = layout(&Document {
            metadata: Metadata::default(),
            blocks: vec![
                Block::Title(vec![Span::plain("Protocol")]),
                heading("Artikel 1. Doel"),
                Block::List(List {
                    marker: ListMarker::Letter,
                    items: vec![crate::document::ListItem {
                        spans: vec![Span::plain("Punt")],
                        children: vec![vec![Span::plain("Genest")]],
                    }],
                }),
                table(rows),
            ],
        });
        let roles: Vec<Role> = layout.structure.nodes.iter().map(|n| n.role).collect();
        assert_eq!(
            roles[..13],
            [
                Role::Document,
                Role::H1,
                Role::H2,
                Role::L(Numbering::UpperAlpha),
                Role::LI,
                Role::Lbl,
                Role::LBody,
                Role::P,
                Role::L(Numbering::Disc),
                Role::LI,
                Role::Lbl,
                Role::LBody,
                Role::Table,
            ]
        );
        // The header cell "Kop" is content once, on the first page, and an artefact after.
        let kop = |page: &Page| -> Vec<Mark> {
            page.draws
                .iter()
                .filter_map(|draw| match draw {
                    Draw::Text { line, mark, .. } if text_of(line) == "Kop" => Some(*mark),
                    _ => None,
                })
                .collect()
        };
        assert!(layout.pages.len() >= 2);
        assert!(matches!(kop(&layout.pages[0])[..], [Mark::Content(_)]));
        for page in &layout.pages[1..] {
            assert_eq!(kop(page), [Mark::Artifact(Artifact::Repeated)]);
        }
        // Every line of the running header and footer is an artefact.
        for page in &layout.pages {
            for draw in &page.draws {
                if let Draw::Text { y, mark, .. } = draw
                    && (*y < BODY_TOP - 0.5 || *y >= BODY_BOTTOM)
                {
                    assert!(matches!(mark, Mark::Artifact(_)), "{draw:?}");
                }
            }
        }
    }

    #[test]
    fn a_heading_moves_to_the_next_page_with_the_first_two_lines_after_it() {
        let text = vec!["alfa"; 120].join(" ");
        for fillers in FILLERS {
            let pages = pages(fillers, &[heading("Artikel 1. Doel"), paragraph(&text)]);
            let page = pages
                .iter()
                .find(|page| counts(std::slice::from_ref(page), "Artikel 1").contains(&1))
                .expect("the heading is laid out");
            let lines = body_lines(page);
            let at = lines
                .iter()
                .position(|(_, text)| text.contains("Artikel 1"))
                .unwrap_or(usize::MAX);
            let after = lines.iter().skip(at + 1).take(2);
            assert_eq!(
                after.filter(|(_, text)| text.contains("alfa")).count(),
                2,
                "{fillers} fillers: the heading is not followed by two lines on its page"
            );
        }
    }

    #[test]
    fn a_paragraph_leaves_no_lone_first_or_last_line() {
        let text = vec!["alfa"; 120].join(" ");
        let mut split = false;
        for fillers in FILLERS {
            let pages = pages(fillers, &[paragraph(&text), paragraph("Slot")]);
            let counts = counts(&pages, "alfa");
            assert!(counts.iter().sum::<usize>() >= 5, "{counts:?}");
            assert!(
                !counts.contains(&1),
                "{fillers} fillers: a lone line of the paragraph on a page: {counts:?}"
            );
            split |= counts.iter().filter(|&&count| count > 0).count() > 1;
        }
        assert!(
            split,
            "the paragraph never crossed a page: the test tests nothing"
        );
    }

    #[test]
    fn a_table_repeats_its_header_row_on_every_page_it_spans() {
        let rows: Vec<Row> = (1..=80)
            .map(|number| row(&[format!("Rij {number}")], false))
            .collect();
        for fillers in [0, 9 * 17 + 4, 9 * 33 + 8] {
            let pages = pages(fillers, &[table(rows.clone())]);
            let mut spanned = 0;
            for (index, page) in pages.iter().enumerate() {
                let lines = body_lines(page);
                let Some(first_row) = lines.iter().position(|(_, text)| text.starts_with("Rij "))
                else {
                    continue;
                };
                spanned += 1;
                let headers: Vec<usize> = lines
                    .iter()
                    .enumerate()
                    .filter(|(_, (_, text))| text == "Kop")
                    .map(|(at, _)| at)
                    .collect();
                assert_eq!(headers.len(), 1, "page {}: {lines:?}", index + 1);
                assert!(headers[0] < first_row, "page {}: {lines:?}", index + 1);
            }
            assert!(
                spanned >= 2,
                "the table fits on one page: the test tests nothing"
            );
            // Every row is there, once.
            assert_eq!(counts(&pages, "Rij ").iter().sum::<usize>(), 80);
        }
    }

    #[test]
    fn signature_boxes_never_split_and_stay_with_the_line_before_them() {
        let boxes = vec![
            signature("Opgroeien"),
            signature("Gemeente"),
            signature("Kring"),
        ];
        for fillers in FILLERS {
            let pages = pages(
                fillers,
                &[
                    paragraph("Opgemaakt te Brussel"),
                    Block::Signatures(boxes.clone()),
                ],
            );
            let mut first_field_page = None;
            for (index, page) in pages.iter().enumerate() {
                let lines = body_lines(page);
                for draw in &page.draws {
                    let Draw::Field {
                        name, y, height, ..
                    } = draw
                    else {
                        continue;
                    };
                    first_field_page.get_or_insert(index);
                    let party = name
                        .trim_start_matches("Handtekening_")
                        .trim_end_matches("_1");
                    // The party's line (top of the box) is on the page of its field, above it.
                    assert!(
                        lines
                            .iter()
                            .any(|(top, text)| *text == format!("Voor {party}") && top < y),
                        "{fillers} fillers: the box of {party} is split"
                    );
                    assert!(y + height <= BODY_BOTTOM + 0.01, "{fillers} fillers");
                }
            }
            let first = first_field_page.expect("the fields are laid out");
            assert!(
                counts(&pages[first..=first], "Opgemaakt te").contains(&1),
                "{fillers} fillers: \"Opgemaakt te\" is not on the page of the first signatures"
            );
        }
    }

    #[test]
    fn a_row_marked_keep_together_never_splits() {
        let tall: Vec<String> = (1..=12).map(|number| format!("Deel {number}")).collect();
        let mut splits_without = false;
        for fillers in FILLERS {
            for keep_together in [true, false] {
                let rows = vec![
                    row(&["Eerste".to_string()], false),
                    row(&tall, keep_together),
                    row(&["Laatste".to_string()], false),
                ];
                let pages = pages(fillers, &[table(rows)]);
                let counts = counts(&pages, "Deel ");
                assert_eq!(counts.iter().sum::<usize>(), 12);
                let split = counts.iter().filter(|&&count| count > 0).count() > 1;
                if keep_together {
                    assert!(!split, "{fillers} fillers: the row split: {counts:?}");
                } else {
                    splits_without |= split;
                }
            }
        }
        assert!(
            splits_without,
            "the row never needed to split: the test tests nothing"
        );
    }
}
