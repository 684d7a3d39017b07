#!/usr/bin/env python3
# Writes shiqiao-2024-first.docx from shiqiao-2024-first.txt: one <w:p> a
# paragraph, its runs broken every few characters as Word leaves them, the
# headings bold.  The output is committed, so the tests do not need
# Python; run this again only to change the text.
import os, zipfile
from xml.sax.saxutils import escape

here = os.path.dirname(os.path.abspath(__file__))
W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'


def runs(text, bold):
    rpr = '<w:rPr><w:b/></w:rPr>' if bold else ''
    return ''.join(f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text[i:i + 5])}</w:t></w:r>'
                   for i in range(0, len(text), 5))


with open(os.path.join(here, 'shiqiao-2024-first.txt'), encoding='utf-8') as f:
    paras = [p.strip() for p in f.read().split('\n') if p.strip()]

body = ''.join(f'<w:p>{runs(p, p[:2] in ("一、", "二、", "三、"))}</w:p>' for p in paras)
document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}'
            '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                 '</Types>')
package_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                '</Relationships>')

with zipfile.ZipFile(os.path.join(here, 'shiqiao-2024-first.docx'), 'w', zipfile.ZIP_DEFLATED) as z:
    for name, data in [('[Content_Types].xml', content_types), ('_rels/.rels', package_rels),
                       ('word/document.xml', document)]:
        z.writestr(name, data)
