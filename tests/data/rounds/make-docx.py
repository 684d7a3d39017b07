#!/usr/bin/env python3
# Writes liuxi-first.docx from liuxi-first.txt as Word writes reports:
# runs broken every few characters (as editing sessions leave them), some
# bold, the part headings numbered by Word itself ("一、" is not in the
# text), a hyperlink, a bookmark, a tracked insertion, and a comment the
# unit left in its own file.  The output is committed, so the tests do not
# need Python; run this again only to change it.
import os, zipfile
from xml.sax.saxutils import escape

here = os.path.dirname(os.path.abspath(__file__))
W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
CHINESE = '一二三四五六七八九十'


def runs(text, bold_every=0):
    out = []
    for i in range(0, len(text), 7):
        piece = escape(text[i:i + 7])
        rpr = '<w:rPr><w:b/></w:rPr>' if bold_every and (i // 7) % bold_every == 1 else ''
        space = ' xml:space="preserve"' if piece != piece.strip() else ''
        out.append(f'<w:r w:rsidR="00A{i:05d}">{rpr}<w:t{space}>{piece}</w:t></w:r>')
    return ''.join(out)


def paragraph(text, ppr=''):
    return f'<w:p>{ppr}{runs(text, bold_every=3)}</w:p>'


with open(os.path.join(here, 'liuxi-first.txt'), encoding='utf-8') as f:
    paras = [p.strip() for p in f.read().split('\n') if p.strip()]

body = []
for i, p in enumerate(paras):
    numbered = len(p) > 2 and p[0] in CHINESE and p[1] == '、'
    if numbered:
        ppr = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr>'
        body.append(paragraph(p[2:], ppr))
    elif p.startswith('（三）化解矛盾纠纷'):
        # A bookmark, a hyperlink and a tracked insertion in one paragraph.
        head, rest = p[:9], p[9:]
        body.append('<w:p><w:bookmarkStart w:id="0" w:name="tiaojie"/>' + runs(head) +
                    '<w:bookmarkEnd w:id="0"/><w:hyperlink r:id="rId9">' + runs(rest[:20]) +
                    '</w:hyperlink><w:ins w:id="5" w:author="柳溪镇"><w:r><w:t>' + escape(rest[20:24]) +
                    '</w:t></w:r></w:ins>' + runs(rest[24:]) + '</w:p>')
    elif p.startswith('特此报告'):
        body.append('<w:p><w:commentRangeStart w:id="0"/>' + runs(p) +
                    '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>')
    else:
        body.append(paragraph(p))

document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>' + ''.join(body) +
            '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')

numbering = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W}">'
             '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
             '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
             '</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num></w:numbering>')

styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W}">'
          '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>'
          '</w:styles>')

comments = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="{W}">'
            '<w:comment w:id="0" w:author="柳溪镇党政办" w:date="2025-02-18T09:00:00Z">'
            '<w:p><w:r><w:t>报送前请镇长审阅。</w:t></w:r></w:p></w:comment></w:comments>')

content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                 '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
                 '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
                 '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>'
                 '</Types>')

package_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                '</Relationships>')

document_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                 '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>'
                 '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.example.gov.cn/" TargetMode="External"/>'
                 '</Relationships>')

with zipfile.ZipFile(os.path.join(here, 'liuxi-first.docx'), 'w', zipfile.ZIP_DEFLATED) as z:
    for name, data in [('[Content_Types].xml', content_types), ('_rels/.rels', package_rels),
                       ('word/document.xml', document), ('word/_rels/document.xml.rels', document_rels),
                       ('word/numbering.xml', numbering), ('word/styles.xml', styles),
                       ('word/comments.xml', comments)]:
        z.writestr(name, data)
