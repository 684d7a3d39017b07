#!/usr/bin/env python3
# Writes the hand-made fixtures of tests/data/formats from the XML below,
# all text written for these tests.  The outputs are committed, so the
# tests do not need Python; run this again only to change them.
#   numbered.docx  Word numbering ("一、", "（一）"), a table of contents,
#                  a table, a tracked insertion and deletion, a header, a
#                  comment, hidden text
#   report.ofd     a two-page OFD with runs out of order and a footer
#   gbk.html       report.html (a government-site page: menus, links, the
#                  article; written by hand) in GBK, declared by a meta tag
import zipfile, os

here = os.path.dirname(os.path.abspath(__file__))
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

def z(path, entries):
    with zipfile.ZipFile(os.path.join(here, path), 'w', zipfile.ZIP_DEFLATED) as f:
        for name, data in entries:
            f.writestr(name, data)

def p(text, num=None, lvl=0):
    ppr = ''
    if num is not None:
        ppr = f'<w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>'
    return f'<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>'

toc = ('<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>'
       '<w:sdtContent><w:p><w:r><w:t>目录</w:t></w:r></w:p>'
       '<w:p><w:r><w:t>一、主要措施和成效</w:t></w:r><w:r><w:tab/><w:t>1</w:t></w:r></w:p></w:sdtContent></w:sdt>'
       # A contents line outside any block, styled "toc 1" as Chinese Word does.
       '<w:p><w:pPr><w:pStyle w:val="10"/></w:pPr><w:r><w:t>二、第一责任人职责情况</w:t></w:r><w:r><w:tab/><w:t>2</w:t></w:r></w:p>')

body = ''.join([
    p('测试区司法局2025年法治政府建设年度报告'),
    toc,
    p('主要措施和成效', 1, 0),
    p('健全制度体系。全年审查规范性文件9件。', 1, 1),
    p('规范执法行为。评查案卷60卷。', 1, 1),
    p('第一责任人职责情况', 1, 0),
    p('区政府常务会议专题研究法治政府建设3次。', 1, 1),
    '<w:p><w:r><w:t xml:space="preserve">全年办理行政复议案件</w:t></w:r>'
    '<w:del w:id="1" w:author="审核"><w:r><w:delText>二十</w:delText></w:r></w:del>'
    '<w:ins w:id="2" w:author="审核"><w:r><w:t>三十</w:t></w:r></w:ins>'
    '<w:r><w:t>件。</w:t></w:r><w:commentReference w:id="0"/></w:p>',
    '<w:tbl><w:tr><w:tc>' + p('指标') + '</w:tc><w:tc>' + p('数量') + '</w:tc></w:tr>'
    '<w:tr><w:tc>' + p('复议案件') + '</w:tc><w:tc>' + p('30') + '</w:tc></w:tr></w:tbl>',
    '<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:tab/><w:t>续。</w:t></w:r></w:p>',
    '<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r><w:r><w:t>可见文字。</w:t></w:r></w:p>',
])

numbering = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
<w:abstractNum w:abstractNumId="7">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
</w:numbering>'''

document = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>'''

CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml'
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
z('numbered.docx', [
    ('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
     '<Default Extension="xml" ContentType="application/xml"/>'
     f'<Override PartName="/word/document.xml" ContentType="{CT}.document.main+xml"/>'
     f'<Override PartName="/word/numbering.xml" ContentType="{CT}.numbering+xml"/>'
     f'<Override PartName="/word/header1.xml" ContentType="{CT}.header+xml"/>'
     f'<Override PartName="/word/comments.xml" ContentType="{CT}.comments+xml"/></Types>'),
    ('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
     f'<Relationship Id="rId1" Type="{R}/officeDocument" Target="word/document.xml"/></Relationships>'),
    ('word/_rels/document.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
     f'<Relationship Id="rId1" Type="{R}/numbering" Target="numbering.xml"/>'
     f'<Relationship Id="rId2" Type="{R}/header" Target="header1.xml"/>'
     f'<Relationship Id="rId3" Type="{R}/comments" Target="comments.xml"/></Relationships>'),
    ('word/document.xml', document),
    ('word/numbering.xml', numbering),
    ('word/styles.xml', f'<?xml version="1.0"?><w:styles {W}><w:style w:type="paragraph" w:styleId="10">'
                        '<w:name w:val="toc 1"/></w:style></w:styles>'),
    ('word/header1.xml', f'<w:hdr {W}>{p("页眉不应出现")}</w:hdr>'),
    ('word/comments.xml', f'<w:comments {W}><w:comment w:id="0">{p("批注不应出现")}</w:comment></w:comments>'),
])

OFD = 'xmlns:ofd="http://www.ofdspec.org/2016"'
def page(runs):
    objs = ''.join(
        f'<ofd:TextObject ID="{i+10}" Boundary="{x} {y} 150 6" Font="1" Size="4">'
        f'<ofd:TextCode X="0" Y="4">{t}</ofd:TextCode></ofd:TextObject>'
        for i, (x, y, t) in enumerate(runs))
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {OFD}><ofd:Content><ofd:Layer ID="2">'
            f'{objs}</ofd:Layer></ofd:Content></ofd:Page>')

z('report.ofd', [
    ('OFD.xml', f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {OFD} Version="1.0"><ofd:DocBody>'
                '<ofd:DocInfo><ofd:DocID>1</ofd:DocID></ofd:DocInfo>'
                '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>'),
    ('Doc_0/Document.xml', f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {OFD}><ofd:CommonData>'
                           '<ofd:MaxUnitID>99</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>'
                           '</ofd:CommonData><ofd:Pages>'
                           '<ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/>'
                           '<ofd:Page ID="2" BaseLoc="Pages/Page_1/Content.xml"/></ofd:Pages></ofd:Document>'),
    # Runs stored bottom-up and split mid-line: position, not order, decides.
    ('Doc_0/Pages/Page_1/Content.xml', page([
        (30, 40, '2026年，我局将继续完善制度建设。'),
        (30, 30, '四、下一年度工作计划'),
        (100, 280, '— 2 —'),
        (30, 20, '培训覆盖面不够。'),
    ])),
    ('Doc_0/Pages/Page_0/Content.xml', page([
        (30, 20, '测试镇人民政府2025年法治政府建设年度报告'),
        (30, 40, '一、主要措施和成效'),
        (30, 50, '全年审查规范性文件5件，'),
        (30, 60, '三、存在的不足和原因'),
        (30, 70, '一是基层执法力量不足；原因主要是'),
        (100, 280, '— 1 —'),
    ])),
])

# report.html is written by hand and kept as it is; gbk.html is the same
# page, declared and encoded as GBK.
with open(os.path.join(here, 'report.html'), encoding='utf-8') as f:
    html = f.read()
with open(os.path.join(here, 'gbk.html'), 'wb') as f:
    f.write(html.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">').encode('gb18030'))
