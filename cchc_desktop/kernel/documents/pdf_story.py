"""Lay an OfficialDocument out as a ReportLab story (list of flowables).

Order: the document (header, tên loại, trích yếu, căn cứ, body ending "./.", signature and
Nơi nhận), its appendices (each on a new page, landscape when asked, page numbers
restarting), then each attached document the same way.
Imported only by the PDF renderer at render time.
"""

from __future__ import annotations

from dataclasses import replace

from reportlab.platypus import CondPageBreak, KeepTogether, NextPageTemplate
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Paragraph as RLParagraph

from cchc_desktop.kernel.documents import pdf_formalities as F
from cchc_desktop.kernel.documents import pdf_styles as S
from cchc_desktop.kernel.documents.model import Appendix, Block, Bullet, Heading, OfficialDocument, Paragraph, Table
from cchc_desktop.kernel.documents.pdf_blocks import block_flowables, heading
from cchc_desktop.kernel.documents.pdf_flowables import EndWithSignature, PageCounter, SectionStart
from cchc_desktop.kernel.documents.wording import END_MARK, with_end_mark

PORTRAIT, LANDSCAPE = "portrait", "landscape"


def with_end_marked_body(blocks: list[Block]) -> list[Block]:
    """The body with "./." closing its last paragraph (or as its own line after a table)."""
    if not blocks:
        return blocks
    last = blocks[-1]
    if isinstance(last, (Paragraph, Bullet)):
        return blocks[:-1] + [replace(last, text=with_end_mark(last.text))]
    return blocks + [Paragraph(END_MARK)]


#: Room a heading needs below it to start a table on the same page: the heading, the table's header
#: row and its first rows. With less, both go to the next page; with more, the table starts here and
#: splits by row, rather than the heading dragging the whole table (and a third of a page) along.
TABLE_LEAD_IN = 140


def blocks_flowables(blocks: list[Block], width: float, height: float) -> list:
    flowables: list = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if isinstance(block, Heading) and isinstance(following, Table):
            flowables += [CondPageBreak(TABLE_LEAD_IN), heading(block, keep_with_next=False)]
            continue
        flowables.extend(block_flowables(block, width, height))
    return flowables


def _body(document: OfficialDocument, width: float) -> list:
    blocks = with_end_marked_body(list(document.body)) if document.end_mark else list(document.body)
    return blocks_flowables(blocks, width, S.text_height())


def document_flowables(document: OfficialDocument) -> list:
    """One document, from header to Nơi nhận."""
    width = S.text_width()
    out: list = [F.header_table(document.header, width)]
    out += F.title_flowables(document, width)
    out += F.authority_flowables(document)
    out += F.salutation_flowables(document.salutation, width)
    out += F.bases_flowables(document.bases)
    body = _body(document, width)
    signature = F.signature_table(document.signature, document.recipients, width)
    if signature is None:
        return out + body
    if body and isinstance(body[-1], RLParagraph):
        # Never leave the signature alone on the last page: the end of the final paragraph goes with it.
        return out + body[:-1] + [EndWithSignature(body[-1], signature)]
    if body:
        return out + body[:-1] + [KeepTogether([body[-1], signature])]
    return out + [signature]


def appendix_flowables(appendix: Appendix) -> list:
    width = S.text_width(appendix.landscape)
    out = F.appendix_title_flowables(appendix, width)
    return out + blocks_flowables(appendix.blocks, width, S.text_height(appendix.landscape))


def _section_start(story: list, counter: PageCounter, landscape: bool) -> None:
    if story:
        story += [NextPageTemplate(LANDSCAPE if landscape else PORTRAIT), RLPageBreak()]
    story.append(SectionStart(counter))


def build_story(document: OfficialDocument, counter: PageCounter) -> list:
    """The whole story: document, its appendices, then its attachments, recursively."""
    story: list = []
    _append_document(story, document, counter)
    return story


def _append_document(story: list, document: OfficialDocument, counter: PageCounter) -> None:
    _section_start(story, counter, landscape=False)
    story.extend(document_flowables(document))
    for appendix in document.appendices:
        _section_start(story, counter, landscape=appendix.landscape)
        story.extend(appendix_flowables(appendix))
    for attached in document.attachments:
        _append_document(story, attached, counter)
