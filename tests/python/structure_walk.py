"""Walks the structure tree of a tagged PDF with pikepdf and prints what it found as JSON.

Usage: python3 structure_walk.py FILE.pdf

Checked against the page content: every text-showing operator (Tj, TJ, ', ") and every
painting operator (paths, XObjects) lies inside a marked-content sequence that is either an
/Artifact or carries an MCID that the structure tree reaches (through a structure element's
/K) and that the /ParentTree maps back to that same element. The JSON lists the problems
found ("errors"), the element types with their counts, the headings' texts, the header
cells' scopes and the catalog and XMP facts the tests assert on.
"""

import json
import sys

import pikepdf

TEXT_OPS = {"Tj", "TJ", "'", '"'}
PAINT_OPS = {"f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "Do", "sh"}


def main(path):
    pdf = pikepdf.open(path)
    root = pdf.Root
    errors = []
    out = {"errors": errors}

    mark_info = root.get("/MarkInfo")
    out["marked"] = bool(mark_info is not None and mark_info.get("/Marked") is True)
    out["lang"] = str(root.get("/Lang", ""))
    prefs = root.get("/ViewerPreferences")
    out["display_doc_title"] = bool(
        prefs is not None and prefs.get("/DisplayDocTitle") is True
    )
    out["output_intent"] = [
        str(intent.get("/S")) for intent in root.get("/OutputIntents", [])
    ]
    out["acroform"] = "/AcroForm" in root
    meta = pdf.open_metadata()
    out["pdfaid_part"] = meta.get("pdfaid:part")
    out["pdfaid_conformance"] = meta.get("pdfaid:conformance")
    out["pdfuaid_part"] = meta.get("pdfuaid:part")
    out["dc_title"] = meta.get("dc:title")

    pages = list(pdf.pages)
    page_index = {page.obj.objgen: index for index, page in enumerate(pages)}
    out["annotations"] = sum(len(page.obj.get("/Annots", [])) for page in pages)

    tree = root.get("/StructTreeRoot")
    if tree is None:
        errors.append("no /StructTreeRoot")
        print(json.dumps(out))
        return

    # Structure elements reached from the root, depth first, in reading order.
    counts = {}
    headings = []
    scopes = []
    notes_without_id = 0
    owner = {}  # (page index, mcid) -> objgen of the element whose /K holds it
    order = []  # element types, depth first

    def text_of(element):
        return element.get("/T")

    def walk(element, parent, depth):
        nonlocal notes_without_id
        if depth > 100:
            errors.append("structure tree deeper than 100")
            return
        kind = str(element.get("/S"))[1:]
        counts[kind] = counts.get(kind, 0) + 1
        order.append(kind)
        if parent is not None and element.get("/P") is not None:
            if element.get("/P").objgen != parent.objgen:
                errors.append(f"{kind}: /P is not its parent")
        if kind == "TH":
            attributes = element.get("/A")
            scope = None
            if attributes is not None:
                for attribute in (
                    attributes if isinstance(attributes, pikepdf.Array) else [attributes]
                ):
                    if isinstance(attribute, pikepdf.Dictionary) and "/Scope" in attribute:
                        scope = str(attribute.get("/Scope"))[1:]
            scopes.append(scope)
        if kind == "Note" and "/ID" not in element:
            notes_without_id += 1
        default_page = element.get("/Pg")
        kids = element.get("/K")
        if kids is None:
            kids = []
        elif not isinstance(kids, pikepdf.Array):
            kids = [kids]
        mcids = []
        for kid in kids:
            if isinstance(kid, int) or (
                isinstance(kid, pikepdf.Object) and kid._type_code == pikepdf.ObjectType.integer
            ):
                page = default_page
                mcid = int(kid)
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                page = kid.get("/Pg", default_page)
                mcid = int(kid.get("/MCID"))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                continue
            elif isinstance(kid, pikepdf.Dictionary):
                walk(kid, element, depth + 1)
                continue
            else:
                errors.append(f"{kind}: a kid of unknown kind")
                continue
            if page is None or page.objgen not in page_index:
                errors.append(f"{kind}: MCID {mcid} without a page")
                continue
            key = (page_index[page.objgen], mcid)
            if key in owner:
                errors.append(f"MCID {key} is reached twice")
            owner[key] = element.objgen
            mcids.append(key)
        if kind in ("H1", "H2", "H3", "H4", "H5", "H6"):
            headings.append({"level": kind, "mcids": mcids})

    top = tree.get("/K")
    for element in top if isinstance(top, pikepdf.Array) else [top]:
        walk(element, None, 0)

    # The parent tree: per page's /StructParents, the element of each MCID.
    parent_tree = {}
    nums = tree.get("/ParentTree", {}).get("/Nums", [])
    for at in range(0, len(nums), 2):
        parent_tree[int(nums[at])] = nums[at + 1]

    # The content: every text and painting operator in a marked sequence.
    text_ops = tagged_text = artifact_text = 0
    unmarked_paint = 0
    mcid_text = {}
    for index, page in enumerate(pages):
        struct_parents = page.obj.get("/StructParents")
        entries = parent_tree.get(int(struct_parents)) if struct_parents is not None else None
        stack = []
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op in ("BDC", "BMC"):
                tag = str(operands[0])
                mcid = None
                if op == "BDC" and isinstance(operands[1], pikepdf.Dictionary):
                    if "/MCID" in operands[1]:
                        mcid = int(operands[1]["/MCID"])
                stack.append((tag, mcid))
            elif op == "EMC":
                if not stack:
                    errors.append(f"page {index + 1}: EMC without BDC/BMC")
                else:
                    stack.pop()
            elif op in TEXT_OPS or op in PAINT_OPS:
                in_artifact = any(tag == "/Artifact" for tag, _ in stack)
                mcid = next((m for _, m in reversed(stack) if m is not None), None)
                if op in TEXT_OPS:
                    text_ops += 1
                if in_artifact:
                    if op in TEXT_OPS:
                        artifact_text += 1
                    continue
                if mcid is None:
                    if op in TEXT_OPS:
                        errors.append(f"page {index + 1}: text outside marked content")
                    else:
                        unmarked_paint += 1
                    continue
                key = (index, mcid)
                if key not in owner:
                    errors.append(f"page {index + 1}: MCID {mcid} not in the structure tree")
                    continue
                if entries is None or mcid >= len(entries) or entries[mcid].objgen != owner[key]:
                    errors.append(f"page {index + 1}: the parent tree misplaces MCID {mcid}")
                if op in TEXT_OPS:
                    tagged_text += 1
                    mcid_text[key] = True
        if stack:
            errors.append(f"page {index + 1}: marked content left open")
    if unmarked_paint:
        errors.append(f"{unmarked_paint} painting operators outside marked content")
    if notes_without_id:
        errors.append(f"{notes_without_id} Note elements without /ID")

    out["counts"] = counts
    out["order"] = order[:40]
    out["th_scopes"] = scopes
    out["headings"] = [h["level"] for h in headings]
    out["text_operators"] = text_ops
    out["tagged_text"] = tagged_text
    out["artifact_text"] = artifact_text
    out["mcids"] = len(owner)
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
